import { describe, expect, it } from 'vitest';
import { intakeSectionsInput } from '@siso/shared';
import { emptyIntervention, interventionsPayload, moneyOf } from './interventionsForm';
import { referencesPayload, emptyReference, MAX_REFERENCES } from './referencesForm';
import { needGroups, toggleCode } from './needGroups';
import { customPayload, customState } from './customValues';

describe('moneyOf', () => {
  it('reads Italian and plain amounts as the contract money string', () => {
    expect(moneyOf('50')).toBe('50.00');
    expect(moneyOf('12,5')).toBe('12.50');
    expect(moneyOf('1.234,56 €')).toBe('1234.56');
    expect(moneyOf('1.000')).toBe('1000.00');
    expect(moneyOf('12.50')).toBe('12.50');
  });
  it('refuses what is not an amount', () => {
    expect(moneyOf('dodici')).toBeNull();
    expect(moneyOf('1,234')).toBeNull();
    expect(moneyOf('')).toBeNull();
  });
});

describe('interventionsPayload', () => {
  it('builds a valid services input and flags a missing type and a bad amount', () => {
    const good = interventionsPayload([{ ...emptyIntervention(), type: 'economic_help', amount: '80,00', payer: 'Comune' }]);
    expect(good.problems).toEqual([]);
    expect(intakeSectionsInput.safeParse({ services: { deskInterventions: good.input } }).success).toBe(true);
    const bad = interventionsPayload([{ ...emptyIntervention(), amount: 'tanti' }]);
    expect(bad.problems.map((p) => p.path)).toEqual(['services.deskInterventions.0.type', 'services.deskInterventions.0.amount']);
  });
});

describe('referencesPayload', () => {
  it('requires a surname per row and passes the contract when filled', () => {
    expect(referencesPayload([emptyReference()]).problems).toEqual([{ path: 'references.0.surname', code: 'required' }]);
    const rows = Array.from({ length: MAX_REFERENCES }, (_, i) => ({ ...emptyReference(), surname: `Rossi${i}`, sex: 'F', email: 'a@b.it' }));
    expect(intakeSectionsInput.safeParse({ references: referencesPayload(rows).input }).success).toBe(true);
  });
});

describe('needGroups', () => {
  it('groups needs under their class in the order of the classes, unclassed ones last', () => {
    const groups = needGroups(
      [{ code: 'FIS', label: 'Fisiologici' }, { code: 'SIC', label: 'Sicurezza' }, { code: 'APP', label: 'Appartenenza' }],
      [
        { code: 'SIC02', label: 'Lavoro', group: 'SIC' },
        { code: 'FIS01', label: 'Alimentazione', group: 'FIS' },
        // The group decides, not the code's prefix.
        { code: 'X1', label: 'Alloggio', group: 'FIS' },
        { code: 'FIS09', label: 'Senza classe', group: null },
        { code: 'NEW01', label: 'Nuovo', group: 'NEW' },
      ],
    );
    expect(groups.map((g) => [g.class.code, g.class.label, g.needs.map((n) => n.code)])).toEqual([
      ['FIS', 'Fisiologici', ['FIS01', 'X1']],
      ['SIC', 'Sicurezza', ['SIC02']],
      ['NEW', null, ['NEW01']],
      ['', null, ['FIS09']],
    ]);
    expect(toggleCode(['A'], 'B', true)).toEqual(['A', 'B']);
    expect(toggleCode(['A', 'B'], 'A', false)).toEqual(['B']);
  });
});

describe('custom values', () => {
  const def = (key: string, type: string) => ({ id: '00000000-0000-4000-8000-000000000000', target: 'intake', appliesTo: null, key, labelIt: key, labelEn: null, helpIt: null, helpEn: null, type, options: [], required: false, fieldClass: 'personal', min: null, max: null, minDate: null, maxDate: null, pattern: null, position: 0, validFrom: null, validTo: null }) as never;
  it('types values by definition and leaves masked ones out', () => {
    const defs = [def('figli', 'number'), def('isee', 'boolean'), def('lingue', 'multi_choice'), def('nota', 'text'), def('segreto', 'text')];
    const state = customState(defs, { figli: 2, isee: true, lingue: ['it'], nota: '', segreto: { masked: true } });
    const { input, problems } = customPayload(defs, { ...state, values: { ...state.values, figli: '3' } });
    expect(problems).toEqual([]);
    expect(input).toEqual({ figli: 3, isee: true, lingue: ['it'], nota: null });
    expect(customPayload(defs, { ...state, values: { ...state.values, figli: 'tre' } }).problems).toEqual([{ path: 'custom.figli', code: 'invalid' }]);
  });
});
