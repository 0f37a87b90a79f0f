import { describe, expect, it } from 'vitest';
import { intakeSectionsInput } from '@siso/shared';
import { sectionFields } from './fieldSpecs';
import { sectionPayload, sectionState } from './sectionValues';

describe('sectionState', () => {
  it('reads values as the inputs hold them and remembers masked fields', () => {
    const s = sectionState(sectionFields.social, { workCondition: 'OCC', invalidityPercent: 75, healthNotes: { masked: true }, household: null });
    expect(s.values.workCondition).toBe('OCC');
    expect(s.values.invalidityPercent).toBe('75');
    expect(s.values.household).toBe('');
    expect([...s.masked]).toEqual(['healthNotes']);
  });

  it('uses the defaults only for a section never saved', () => {
    expect(sectionState(sectionFields.access, null, { date: '2026-11-28' }).values.date).toBe('2026-11-28');
    expect(sectionState(sectionFields.access, { date: null }, { date: '2026-11-28' }).values.date).toBe('');
  });
});

describe('sectionPayload', () => {
  it('sends empty text as null, parses numbers, leaves masked fields out, and passes the contract', () => {
    const state = sectionState(sectionFields.social, { healthNotes: { masked: true } });
    const values = { ...state.values, invalidityPercent: ' 67 ', profession: '  muratore ', household: '' };
    const { input, problems } = sectionPayload('social', sectionFields.social, { ...state, values });
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ invalidityPercent: 67, profession: 'muratore', household: null });
    expect('healthNotes' in input).toBe(false);
    expect(intakeSectionsInput.safeParse({ social: input }).success).toBe(true);
  });

  it('reports a non-number and an out-of-range number on the section path', () => {
    const base = sectionState(sectionFields.social, null);
    const bad = sectionPayload('social', sectionFields.social, { ...base, values: { ...base.values, invalidityPercent: 'tanto' } });
    expect(bad.problems).toEqual([{ path: 'social.invalidityPercent', code: 'invalid' }]);
    const high = sectionPayload('social', sectionFields.social, { ...base, values: { ...base.values, invalidityPercent: '140' } });
    expect(high.problems).toEqual([{ path: 'social.invalidityPercent', code: 'range' }]);
  });

  it('never sends a null access date (the server keeps or sets today), and flags as booleans', () => {
    const base = sectionState(sectionFields.access, null);
    const { input } = sectionPayload('access', sectionFields.access, { ...base, values: { ...base.values, mode: 'in_person', accompanied: true } });
    expect('date' in input).toBe(false);
    expect(input).toMatchObject({ mode: 'in_person', accompanied: true, reason: null });
    expect(intakeSectionsInput.safeParse({ access: input }).success).toBe(true);
  });

  it('upper-cases the interlocutor fiscal code', () => {
    const base = sectionState(sectionFields.interlocutor, null);
    const { input } = sectionPayload('interlocutor', sectionFields.interlocutor, { ...base, values: { ...base.values, fiscalCode: 'rssmra80a01h501u' } });
    expect(input.fiscalCode).toBe('RSSMRA80A01H501U');
  });
});
