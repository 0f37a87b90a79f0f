import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.js';
import { intersectClasses, type FieldClass } from './field-classes.js';
import { assertFilterable, assertWritable, maskRecord, MASKED } from './masking.js';

const fields = { title: 'public', holder: 'personal', diagnosis: 'special', court: 'judicial', permit: 'foreigner', note: 'reserved' } as const;
const record = { title: 'Cartella', holder: 'Mario Rossi', diagnosis: 'x', court: 'y', permit: 'z', note: 'n', unclassified: 'secret' };

describe('field classes and masking', () => {
  it('masks every class the actor cannot read, as { masked: true }, and reports the classes read', () => {
    const { value, classesRead } = maskRecord(record, fields, new Set<FieldClass>(['public', 'personal']));
    expect(value).toEqual({ title: 'Cartella', holder: 'Mario Rossi', diagnosis: MASKED, court: MASKED, permit: MASKED, note: MASKED, unclassified: MASKED });
    expect(classesRead.sort()).toEqual(['personal', 'public']);
  });

  it('treats an unclassified field as special: never shown by accident', () => {
    const { value } = maskRecord(record, fields, new Set<FieldClass>(['public', 'personal', 'foreigner']));
    expect(value.unclassified).toEqual(MASKED);
  });

  it("applies the office type's policy: the foreigners' desk never reads health data", () => {
    const social = ['public', 'personal', 'special', 'judicial', 'foreigner'];
    expect([...intersectClasses(social, 'sportello_stranieri')].sort()).toEqual(['foreigner', 'personal', 'public']);
    expect([...intersectClasses(social, 'terzo_settore')].sort()).toEqual(['personal', 'public', 'special']);
    expect([...intersectClasses(social, 'servizio_sociale_professionale')].sort()).toEqual(['foreigner', 'judicial', 'personal', 'public', 'special']);
  });

  it('refuses writes to unwritable classes with field_masked and the paths', () => {
    try {
      assertWritable({ title: 'a', diagnosis: 'b', court: undefined }, fields, new Set<FieldClass>(['public', 'personal']), 'person');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('field_masked');
      expect((err as AppError).details).toEqual([{ path: 'person.diagnosis', message: 'campo_riservato' }]);
    }
    expect(assertWritable({ title: 'a' }, fields, new Set<FieldClass>(['public']))).toEqual(['public']);
  });

  it('refuses filtering or sorting by a class the actor cannot read', () => {
    expect(() => assertFilterable(['title', 'diagnosis'], fields, new Set<FieldClass>(['public']))).toThrow(AppError);
    expect(() => assertFilterable(['title'], fields, new Set<FieldClass>(['public']))).not.toThrow();
  });
});
