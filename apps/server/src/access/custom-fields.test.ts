import { describe, expect, it } from 'vitest';
import { customFieldDefinition } from '@siso/shared';
import { AppError } from '../http/app-error.js';
import { intersectClasses, type FieldClass } from './field-classes.js';
import { assertCustomFilterable, assertCustomWritable, maskCustomValues, MASKED, parseCustomValues, restrictedCustomKeys } from './custom-fields.js';

/** The extra fields of a thematic desk and of the foreigners' desk (issue 5, point 6). */
const definitions = [
  { key: 'numero_domanda_adi', type: 'text', fieldClass: 'public' },
  { key: 'referente_familiare', type: 'text', fieldClass: 'personal' },
  { key: 'diagnosi_principale', type: 'long_text', fieldClass: 'special' },
  { key: 'provvedimento_tribunale', type: 'boolean', fieldClass: 'judicial' },
  { key: 'permesso_scadenza', type: 'date', fieldClass: 'foreigner' },
  { key: 'nota_riservata', type: 'long_text', fieldClass: 'reserved' },
].map((d) => customFieldDefinition.parse({ target: 'intake', labelIt: d.key, ...d }));
const stored = {
  numero_domanda_adi: 'ADI-2025-0042',
  referente_familiare: 'Lucia Bianchi (figlia)',
  diagnosi_principale: 'Esiti di ictus, emiparesi sinistra',
  provvedimento_tribunale: true,
  permesso_scadenza: '2026-03-31',
  nota_riservata: null,
  // A value written before its definition was removed: no class, so `special`.
  vecchio_campo: 'valore orfano',
};
const classes = (office: Parameters<typeof intersectClasses>[1]) => intersectClasses(['public', 'personal', 'special', 'judicial', 'reserved', 'foreigner'], office);

describe('configuration-defined fields: masking', () => {
  it("masks by the office type's policy: the foreigners' desk reads permit data, never health or court data", () => {
    const { value, classesRead } = maskCustomValues(stored, definitions, classes('sportello_stranieri'));
    expect(value).toEqual({
      numero_domanda_adi: 'ADI-2025-0042', referente_familiare: 'Lucia Bianchi (figlia)', diagnosi_principale: MASKED, provvedimento_tribunale: MASKED,
      permesso_scadenza: '2026-03-31', nota_riservata: null, vecchio_campo: MASKED,
    });
    // A null value reads no class (maskRecord's semantics).
    expect(classesRead.sort()).toEqual(['foreigner', 'personal', 'public']);
  });

  it('shows a thematic desk the health notes but not the permit; an unknown key counts as special', () => {
    const { value, classesRead } = maskCustomValues(stored, definitions, classes('sportello_tematico'));
    expect(value.diagnosi_principale).toBe('Esiti di ictus, emiparesi sinistra');
    expect(value.permesso_scadenza).toEqual(MASKED);
    expect(value.vecchio_campo).toBe('valore orfano');
    expect(classesRead.sort()).toEqual(['personal', 'public', 'special']);
    expect(maskCustomValues(null, definitions, classes('sportello_tematico'))).toEqual({ value: {}, classesRead: [] });
  });

  it('refuses a write to an unwritable class with field_masked and the paths extra.<key>', () => {
    const writable = new Set<FieldClass>(['public', 'personal', 'foreigner']);
    try {
      assertCustomWritable({ referente_familiare: 'x', diagnosi_principale: 'y', sconosciuto: 'z', provvedimento_tribunale: undefined }, definitions, writable);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('field_masked');
      expect((err as AppError).details).toEqual([
        { path: 'extra.diagnosi_principale', message: 'campo_riservato' },
        { path: 'extra.sconosciuto', message: 'campo_riservato' },
      ]);
    }
    expect(assertCustomWritable({ referente_familiare: 'x', permesso_scadenza: '2026-01-01' }, definitions, writable).sort()).toEqual(['foreigner', 'personal']);
  });

  it('refuses filtering by a value the actor cannot read', () => {
    const readable = classes('sportello_stranieri');
    expect(() => assertCustomFilterable(['permesso_scadenza'], definitions, readable)).not.toThrow();
    try {
      assertCustomFilterable(['numero_domanda_adi', 'diagnosi_principale'], definitions, readable, 'filters.extra');
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('field_masked');
      expect((err as AppError).details).toEqual([{ path: 'filters.extra.diagnosi_principale', message: 'campo_riservato' }]);
    }
  });

  it('validates an input map with paths extra.<key>, and lists the keys audited by name only', () => {
    expect(parseCustomValues({ numero_domanda_adi: ' ADI-1 ' }, definitions)).toEqual({ numero_domanda_adi: 'ADI-1' });
    try {
      parseCustomValues({ provvedimento_tribunale: 'sì', inventato: 1 }, definitions);
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('invalid_input');
      expect((err as AppError).details).toEqual([
        { path: 'extra.inventato', message: 'campo_non_configurato' },
        { path: 'extra.provvedimento_tribunale', message: 'invalid_type' },
      ]);
    }
    expect(restrictedCustomKeys(definitions)).toEqual(['diagnosi_principale', 'provvedimento_tribunale', 'permesso_scadenza', 'nota_riservata']);
  });
});
