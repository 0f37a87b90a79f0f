import { describe, expect, it } from 'vitest';
import type { PersonView } from '@siso/shared';
import { buildMergeRows, initialChoices, takeFromMerged } from './mergeChoices';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function person(over: Partial<PersonView>): PersonView {
  return {
    id: id(1), ambitoId: id(2), enteId: id(3), enteName: 'Comune di Città di Castello', officeId: id(4), anonymous: false, anonymousCode: null,
    fiscalCode: 'RSSMRA80A01H501U', fiscalCodeKind: 'definitive', surname: 'ROSSI', name: 'MARIO', sex: 'M', birthDate: '1980-01-01',
    birthComuneIstat: '058091', birthStateCode: null, birthPlaceName: 'Roma', citizenships: ['100'], civilStatus: '1', contacts: [], addresses: [],
    homeless: false, receptionFacility: null, gp: null, healthCardNumber: null, stpEniCode: null, dateOfDeath: null, notes: null, aliases: [],
    anprId: null, registrySync: false, registryCheckedAt: null, deceased: false, protected: false, protectionReason: null, mergedInto: null,
    createdAt: '2026-01-01T10:00:00Z', updatedAt: '2026-01-01T10:00:00Z', version: 3, abilities: [], ...over,
  };
}

describe('merge choice builder', () => {
  const survivor = person({ notes: null, civilStatus: '1', citizenships: ['100', '201'] });
  const merged = person({
    id: id(9), surname: 'ROSSI', name: 'MARIO GIUSEPPE', notes: 'Seguito dal 2020', civilStatus: '2', citizenships: ['201', '100'],
    birthPlaceName: 'ROMA', healthCardNumber: { masked: true }, gp: { name: 'Dott. Bianchi', regionalCode: null, phone: null },
  });
  const rows = buildMergeRows(survivor, merged);
  const row = (f: string) => rows.find((r) => r.field === f)!;

  it('has one row per mergeable field, in the contract’s order', () => {
    expect(rows.map((r) => r.field)).toEqual([
      'fiscalCode', 'surname', 'name', 'sex', 'birthDate', 'birthPlace', 'citizenships', 'civilStatus', 'homeless', 'receptionFacility',
      'gp', 'healthCardNumber', 'stpEniCode', 'dateOfDeath', 'notes', 'anprId',
    ]);
  });

  it('offers no choice where the values are equal (lists in any order, birthplace by its codes)', () => {
    expect(row('surname')).toMatchObject({ same: true, selectable: false });
    expect(row('citizenships')).toMatchObject({ same: true, selectable: false });
    expect(row('birthPlace')).toMatchObject({ same: true, selectable: false });
  });

  it('offers no choice on a masked value: the survivor’s stays', () => {
    expect(row('healthCardNumber')).toMatchObject({ same: false, selectable: false, defaultChoice: 'survivor' });
  });

  it('keeps the survivor’s values by default and fills its gaps from the merged person', () => {
    expect(row('name')).toMatchObject({ selectable: true, defaultChoice: 'survivor' });
    expect(row('civilStatus')).toMatchObject({ selectable: true, defaultChoice: 'survivor' });
    expect(row('notes')).toMatchObject({ selectable: true, defaultChoice: 'merged' });
    expect(row('gp')).toMatchObject({ selectable: true, defaultChoice: 'merged' });
  });

  it('lists only the choosable fields chosen from the merged person', () => {
    const choices = { ...initialChoices(rows), name: 'merged' as const, gp: 'survivor' as const, surname: 'merged' as const, healthCardNumber: 'merged' as const };
    expect(takeFromMerged(rows, choices)).toEqual(['name', 'notes']);
    expect(takeFromMerged(rows, initialChoices(rows))).toEqual(['gp', 'notes']);
  });
});
