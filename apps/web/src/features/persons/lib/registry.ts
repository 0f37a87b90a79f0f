import type { RegistryPerson } from '@siso/shared';
import type { PersonFormState, PlaceValue } from './personForm';

/**
 * The form after "Carica da anagrafe": what the registry knows replaces what was typed; what it does
 * not know (null) leaves the field as it is. The operator checks and saves.
 */
export function patchFromRegistry(s: PersonFormState, r: RegistryPerson, today: string): PersonFormState {
  const place = (comune: string | null, state: string | null, name: string | null): PlaceValue | null =>
    comune ? { kind: 'comune', code: comune, name: name ?? comune, belfiore: null } : state ? { kind: 'state', code: state, name: name ?? state, belfiore: null } : null;
  const birthPlace = place(r.birthComuneIstat, r.birthStateCode, r.birthPlaceName);
  const res = r.residence;
  const resPlace = res ? place(res.comuneIstat, res.stateCode, res.comuneName) : null;
  return {
    ...s,
    mode: s.mode === 'anonymous' ? s.mode : 'fiscalCode',
    fiscalCode: r.fiscalCode || s.fiscalCode,
    surname: r.surname ?? s.surname,
    name: r.name ?? s.name,
    sex: r.sex ?? s.sex,
    birthDate: r.birthDate ?? s.birthDate,
    birthPlace: birthPlace ?? s.birthPlace,
    citizenships: r.citizenships.length ? r.citizenships.slice(0, 3).map((code) => ({ kind: 'state', code, name: code, belfiore: null })) : s.citizenships,
    civilStatus: r.civilStatus ?? s.civilStatus,
    dateOfDeath: r.dateOfDeath ?? s.dateOfDeath,
    anprId: r.anprId ?? s.anprId,
    residence: res
      ? { street: res.street, civic: res.civic ?? '', postalCode: res.postalCode ?? '', place: resPlace, locality: '', validFrom: res.validFrom ?? today }
      : s.residence,
  };
}
