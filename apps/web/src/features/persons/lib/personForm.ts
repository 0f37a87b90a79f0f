import { isMasked, normalizeFiscalCode } from '@siso/shared';
import type { PersonView, ProtectionReason, Sex, contactKinds, contactOwners } from '@siso/shared';
import type { ActionInput } from '../../../lib/api';

/**
 * The person form's state (create and edit), its conversion to the persons.create / persons.update
 * inputs, and back from a PersonView. Text fields hold strings ("" = nothing); masked fields of a
 * PersonView are listed in `masked` and never sent back.
 */

export interface PlaceValue {
  kind: 'comune' | 'state';
  /** ISTAT code of the comune (6 digits) or of the foreign state (3 digits). */
  code: string;
  name: string;
  belfiore: string | null;
}

export interface ContactRow {
  kind: (typeof contactKinds)[number];
  value: string;
  owner: (typeof contactOwners)[number];
  ownerName: string;
  note: string;
}

export interface AliasRow {
  surname: string;
  name: string;
  note: string;
}

export interface AddressDraft {
  street: string;
  civic: string;
  postalCode: string;
  place: PlaceValue | null;
  locality: string;
  validFrom: string;
}

/** How the person is identified on creation (issue 4, point 4). */
export type IdentityMode = 'fiscalCode' | 'temporary' | 'stpEni' | 'anonymous';

export interface PersonFormState {
  mode: IdentityMode;
  fiscalCode: string;
  surname: string;
  name: string;
  sex: '' | Sex;
  birthDate: string;
  birthPlace: PlaceValue | null;
  citizenships: PlaceValue[];
  civilStatus: string;
  contacts: ContactRow[];
  residence: AddressDraft;
  domicile: AddressDraft;
  homeless: boolean;
  receptionFacility: string;
  gpName: string;
  gpRegionalCode: string;
  gpPhone: string;
  healthCardNumber: string;
  stpEniCode: string;
  dateOfDeath: string;
  notes: string;
  aliases: AliasRow[];
  isProtected: boolean;
  protectionReason: '' | ProtectionReason;
  registrySync: boolean;
  anprId: string;
}

/** Fields of a PersonView that may arrive masked, by the name the form uses. */
export type MaskableField =
  | 'fiscalCode' | 'surname' | 'name' | 'sex' | 'birthDate' | 'birthPlace' | 'citizenships' | 'civilStatus' | 'contacts'
  | 'homeless' | 'receptionFacility' | 'gp' | 'healthCardNumber' | 'stpEniCode' | 'dateOfDeath' | 'notes' | 'aliases'
  | 'anprId' | 'protectionReason';

export const emptyAddress = (validFrom: string): AddressDraft => ({ street: '', civic: '', postalCode: '', place: null, locality: '', validFrom });
export const emptyContact = (): ContactRow => ({ kind: 'mobile', value: '', owner: 'self', ownerName: '', note: '' });
export const emptyAlias = (): AliasRow => ({ surname: '', name: '', note: '' });

export function emptyPersonForm(today: string): PersonFormState {
  return {
    mode: 'fiscalCode', fiscalCode: '', surname: '', name: '', sex: '', birthDate: '', birthPlace: null, citizenships: [], civilStatus: '',
    contacts: [], residence: emptyAddress(today), domicile: emptyAddress(today), homeless: false, receptionFacility: '', gpName: '',
    gpRegionalCode: '', gpPhone: '', healthCardNumber: '', stpEniCode: '', dateOfDeath: '', notes: '', aliases: [], isProtected: false,
    protectionReason: '', registrySync: false, anprId: '',
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The state of the edit form for a person, and which fields arrived masked. */
export function formFromView(p: PersonView, today: string): { state: PersonFormState; masked: Set<MaskableField> } {
  const masked = new Set<MaskableField>();
  const take = <T>(field: MaskableField, v: T | { masked: true }): T | undefined => {
    if (isMasked(v)) {
      masked.add(field);
      return undefined;
    }
    return v as T;
  };
  const comune = take('birthPlace', p.birthComuneIstat);
  const state = take('birthPlace', p.birthStateCode);
  const placeName = isMasked(p.birthPlaceName) ? '' : (p.birthPlaceName ?? '');
  const birthPlace: PlaceValue | null = comune ? { kind: 'comune', code: comune, name: placeName, belfiore: null } : state ? { kind: 'state', code: state, name: placeName, belfiore: null } : null;
  const gp = take('gp', p.gp);
  const kind = p.fiscalCodeKind;
  return {
    masked,
    state: {
      ...emptyPersonForm(today),
      mode: p.anonymous ? 'anonymous' : kind === 'temporary' ? 'temporary' : kind === 'stp' || kind === 'eni' ? 'stpEni' : 'fiscalCode',
      fiscalCode: str(take('fiscalCode', p.fiscalCode)),
      surname: str(take('surname', p.surname)),
      name: str(take('name', p.name)),
      sex: take('sex', p.sex) ?? '',
      birthDate: str(take('birthDate', p.birthDate)),
      birthPlace,
      citizenships: (take('citizenships', p.citizenships) ?? []).map((code) => ({ kind: 'state', code, name: code, belfiore: null })),
      civilStatus: str(take('civilStatus', p.civilStatus)),
      contacts: (take('contacts', p.contacts) ?? []).map((c) => ({ kind: c.kind, value: c.value, owner: c.owner, ownerName: c.ownerName ?? '', note: c.note ?? '' })),
      homeless: take('homeless', p.homeless) ?? false,
      receptionFacility: str(take('receptionFacility', p.receptionFacility)),
      gpName: gp?.name ?? '',
      gpRegionalCode: gp?.regionalCode ?? '',
      gpPhone: gp?.phone ?? '',
      healthCardNumber: str(take('healthCardNumber', p.healthCardNumber)),
      stpEniCode: str(take('stpEniCode', p.stpEniCode)),
      dateOfDeath: str(take('dateOfDeath', p.dateOfDeath)),
      notes: str(take('notes', p.notes)),
      aliases: (take('aliases', p.aliases) ?? []).map((a) => ({ surname: a.surname, name: a.name ?? '', note: a.note ?? '' })),
      isProtected: p.protected,
      protectionReason: take('protectionReason', p.protectionReason) ?? '',
      registrySync: p.registrySync,
      anprId: str(take('anprId', p.anprId)),
    },
  };
}

type Fields = Omit<ActionInput<'persons.update'>, 'id' | 'version' | 'identify' | 'fiscalCode' | 'newAddress'>;

/** The personFields part of both inputs, keyed like the contract (which form field each comes from). */
function fieldsOf(s: PersonFormState): Record<MaskableField | 'registrySync', [keyof Fields, unknown][]> {
  const anonymous = s.mode === 'anonymous';
  return {
    fiscalCode: [],
    surname: anonymous ? [] : [['surname', orNull(s.surname)]],
    name: anonymous ? [] : [['name', orNull(s.name)]],
    sex: [['sex', s.sex || null]],
    birthDate: [['birthDate', orNull(s.birthDate)]],
    birthPlace: [
      ['birthComuneIstat', s.birthPlace?.kind === 'comune' ? s.birthPlace.code : null],
      ['birthStateCode', s.birthPlace?.kind === 'state' ? s.birthPlace.code : null],
    ],
    citizenships: [['citizenships', s.citizenships.map((c) => c.code)]],
    civilStatus: [['civilStatus', orNull(s.civilStatus)]],
    contacts: [['contacts', s.contacts.filter((c) => c.value.trim()).map((c) => ({ kind: c.kind, value: c.value.trim(), owner: c.owner, ownerName: orNull(c.ownerName), note: orNull(c.note) }))]],
    homeless: [['homeless', s.homeless]],
    receptionFacility: [['receptionFacility', orNull(s.receptionFacility)]],
    gp: [['gp', s.gpName.trim() ? { name: s.gpName.trim(), regionalCode: orNull(s.gpRegionalCode), phone: orNull(s.gpPhone) } : null]],
    healthCardNumber: [['healthCardNumber', orNull(s.healthCardNumber.toUpperCase())]],
    stpEniCode: [['stpEniCode', orNull(s.stpEniCode.replace(/\s+/g, '').toUpperCase())]],
    dateOfDeath: [['dateOfDeath', orNull(s.dateOfDeath)]],
    notes: [['notes', orNull(s.notes)]],
    aliases: anonymous ? [] : [['aliases', s.aliases.filter((a) => a.surname.trim()).map((a) => ({ surname: a.surname.trim(), name: orNull(a.name), note: orNull(a.note) }))]],
    anprId: [['anprId', orNull(s.anprId.toUpperCase())]],
    protectionReason: [['protectionReason', s.isProtected ? s.protectionReason || null : null]],
    registrySync: [['registrySync', s.registrySync]],
  };
}

function addressInput(kind: 'residence' | 'domicile', a: AddressDraft) {
  return {
    kind, street: a.street.trim(), civic: orNull(a.civic), postalCode: orNull(a.postalCode), locality: orNull(a.locality), validFrom: a.validFrom,
    comuneIstat: a.place?.kind === 'comune' ? a.place.code : null, stateCode: a.place?.kind === 'state' ? a.place.code : null,
  };
}

export const addressFilled = (a: AddressDraft) => Boolean(a.street.trim() || a.place || a.civic.trim() || a.postalCode.trim());

/** A new residence or domicile for persons.update (`newAddress`). */
export const newAddressInput = addressInput;

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);

/** persons.create input; `addressKinds` says which address each `addresses.N` error path is about. */
export function toCreateInput(s: PersonFormState, searchToken: string): { input: ActionInput<'persons.create'>; addressKinds: ('residence' | 'domicile')[] } {
  // Only what was filled in: an empty value is the default anyway, and a field the profile may not
  // write (e.g. the GP, special-category data) must not be sent at all, not even empty.
  const all = fieldsOf(s);
  // The STP/ENI code (immigration data) is sent only for a person identified by it.
  if (s.mode !== 'stpEni') all.stpEniCode = [];
  const fields = Object.fromEntries(Object.values(all).flat().filter(([, v]) => !isBlank(v))) as Fields;
  const addressKinds = (['residence', 'domicile'] as const).filter((k) => addressFilled(s[k]));
  const input: ActionInput<'persons.create'> = {
    ...fields,
    searchToken,
    identity: s.mode === 'anonymous' ? 'anonymous' : 'identified',
    ...(s.mode === 'fiscalCode' && s.fiscalCode.trim() ? { fiscalCode: normalizeFiscalCode(s.fiscalCode) } : {}),
    temporaryFiscalCode: s.mode === 'temporary',
    addresses: addressKinds.map((k) => addressInput(k, s[k])),
  };
  return { input, addressKinds };
}

/** Only the fields that changed and were not masked (a masked field is never overwritten). */
export function changedFields(initial: PersonFormState, current: PersonFormState, masked: ReadonlySet<MaskableField>): Fields {
  const before = fieldsOf(initial);
  const after = fieldsOf(current);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (key !== 'registrySync' && masked.has(key)) continue;
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    for (const [name, value] of after[key]) out[name] = value;
  }
  return out as Fields;
}
