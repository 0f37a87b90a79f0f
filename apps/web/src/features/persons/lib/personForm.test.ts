import { describe, expect, it } from 'vitest';
import type { PersonView } from '@siso/shared';
import { formPath, validatePersonForm } from './formErrors';
import { changedFields, emptyPersonForm, formFromView, toCreateInput } from './personForm';

const today = '2026-05-01';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const view: PersonView = {
  id: id(1), ambitoId: id(2), enteId: id(3), enteName: 'Comune', officeId: id(4), anonymous: false, anonymousCode: null,
  fiscalCode: 'RSSMRA80A01H501U', fiscalCodeKind: 'definitive', surname: 'ROSSI', name: 'MARIO', sex: 'M', birthDate: '1980-01-01',
  birthComuneIstat: '058091', birthStateCode: null, birthPlaceName: 'Roma', citizenships: ['100'], civilStatus: '1',
  contacts: [{ kind: 'mobile', value: '3331234567', owner: 'self', ownerName: null, note: null }], addresses: { masked: true },
  homeless: false, receptionFacility: null, gp: { masked: true }, healthCardNumber: { masked: true }, stpEniCode: null, dateOfDeath: null,
  notes: 'Nota', aliases: [], anprId: null, registrySync: false, registryCheckedAt: null, deceased: false, protected: false,
  protectionReason: null, mergedInto: null, createdAt: '2026-01-01T10:00:00Z', updatedAt: '2026-01-01T10:00:00Z', version: 2, abilities: ['persons.update'],
};

describe('person form', () => {
  it('reads a person into the form and lists the masked fields', () => {
    const { state, masked } = formFromView(view, today);
    expect(state).toMatchObject({ mode: 'fiscalCode', surname: 'ROSSI', birthPlace: { kind: 'comune', code: '058091', name: 'Roma' }, gpName: '' });
    expect([...masked].sort()).toEqual(['gp', 'healthCardNumber']);
  });

  it('sends only what changed, never a masked field', () => {
    const { state, masked } = formFromView(view, today);
    const edited = { ...state, name: 'Mario Giuseppe', gpName: 'Dott. Verdi', notes: '', contacts: [...state.contacts, { kind: 'email' as const, value: 'm@example.it', owner: 'relative' as const, ownerName: 'Figlia', note: '' }] };
    expect(changedFields(state, edited, masked)).toEqual({
      name: 'Mario Giuseppe',
      notes: null,
      contacts: [
        { kind: 'mobile', value: '3331234567', owner: 'self', ownerName: null, note: null },
        { kind: 'email', value: 'm@example.it', owner: 'relative', ownerName: 'Figlia', note: null },
      ],
    });
  });

  it('builds persons.create for each way of identifying a person, sending only what was filled in', () => {
    const s = { ...emptyPersonForm(today), fiscalCode: 'rss mra 80a01 h501u', surname: 'Rossi', name: 'Mario' };
    expect(toCreateInput(s, 'token-0123456789').input).toEqual({
      searchToken: 'token-0123456789', identity: 'identified', fiscalCode: 'RSSMRA80A01H501U', temporaryFiscalCode: false, addresses: [],
      surname: 'Rossi', name: 'Mario',
    });
    const temporary = toCreateInput({ ...s, mode: 'temporary', stpEniCode: 'STP1234567890123' }, 't').input;
    expect(temporary).toMatchObject({ temporaryFiscalCode: true });
    expect(temporary).not.toHaveProperty('fiscalCode');
    expect(temporary).not.toHaveProperty('stpEniCode');
    expect(toCreateInput({ ...s, mode: 'stpEni', stpEniCode: 'stp 1234567890123' }, 't').input).toMatchObject({ stpEniCode: 'STP1234567890123' });
    const anon = toCreateInput({ ...s, mode: 'anonymous' }, 't').input;
    expect(anon).toMatchObject({ identity: 'anonymous' });
    expect(anon).not.toHaveProperty('surname');
    expect(anon).not.toHaveProperty('fiscalCode');
  });

  it('sends only the addresses filled in, and says which is which for error paths', () => {
    const s = emptyPersonForm(today);
    s.domicile = { ...s.domicile, street: 'Via Roma', place: { kind: 'comune', code: '054013', name: 'Città di Castello', belfiore: 'C745' } };
    const { input, addressKinds } = toCreateInput(s, 't');
    expect(addressKinds).toEqual(['domicile']);
    expect(input.addresses).toEqual([{ kind: 'domicile', street: 'Via Roma', civic: null, postalCode: null, locality: null, validFrom: today, comuneIstat: '054013', stateCode: null }]);
    expect(formPath('addresses.0.comuneIstat', addressKinds)).toBe('domicile.place');
  });

  it('maps server paths to form fields', () => {
    expect(formPath('birthComuneIstat')).toBe('birthPlace');
    expect(formPath('gp.name')).toBe('gp.name');
    expect(formPath('newAddress.street')).toBe('newAddress.street');
    expect(formPath('contacts.1.value')).toBe('contacts.1.value');
    expect(formPath('temporaryFiscalCode')).toBe('mode');
  });

  it('checks in the browser what it can before sending', () => {
    const s = { ...emptyPersonForm(today), fiscalCode: 'RSSMRA80A01H501X', birthDate: '2030-01-01', isProtected: true, contacts: [{ kind: 'phone' as const, value: ' ', owner: 'self' as const, ownerName: '', note: '' }] };
    expect(validatePersonForm(s, today, { creating: true })).toEqual([
      { path: 'fiscalCode', code: 'fiscalCode' },
      { path: 'surname', code: 'required' },
      { path: 'name', code: 'required' },
      { path: 'birthDate', code: 'future' },
      { path: 'protectionReason', code: 'required' },
      { path: 'contacts.0.value', code: 'required' },
    ]);
    expect(validatePersonForm({ ...emptyPersonForm(today), mode: 'anonymous' }, today, { creating: true })).toEqual([]);
  });

  it('does not check fields that arrived masked (they are never sent)', () => {
    const s = { ...emptyPersonForm(today), isProtected: true, name: 'Maria' };
    expect(validatePersonForm(s, today, { creating: false, masked: new Set(['surname', 'protectionReason'] as const) })).toEqual([]);
  });
});
