import type { PersonView } from '@siso/shared';
import type { FieldMap } from '../../access/field-classes.js';

/**
 * Field classes of a person (issue 4, "Privacy"; architecture: field classes). Identity and contacts
 * are `personal`; GP and health card are health data (`special`, GDPR art. 9); the STP/ENI code is
 * immigration data (`foreigner`); why someone is protected (an adoption, a court protection order)
 * is `judicial` (GDPR art. 10, Codice privacy art. 2-octies).
 */
export const personFieldClasses: FieldMap<(keyof PersonView & string) | PersonChangeOnly> = {
  id: 'public',
  ambitoId: 'public',
  enteId: 'public',
  enteName: 'public',
  officeId: 'public',
  anonymous: 'public',
  anonymousCode: 'public',
  fiscalCode: 'personal',
  fiscalCodeKind: 'public',
  surname: 'personal',
  name: 'personal',
  sex: 'personal',
  birthDate: 'personal',
  birthComuneIstat: 'personal',
  birthStateCode: 'personal',
  birthPlaceName: 'personal',
  citizenships: 'personal',
  civilStatus: 'personal',
  contacts: 'personal',
  addresses: 'personal',
  homeless: 'personal',
  receptionFacility: 'personal',
  gp: 'special',
  healthCardNumber: 'special',
  stpEniCode: 'foreigner',
  dateOfDeath: 'personal',
  notes: 'personal',
  aliases: 'personal',
  anprId: 'personal',
  registrySync: 'public',
  registryCheckedAt: 'public',
  deceased: 'public',
  protected: 'public',
  protectionReason: 'judicial',
  mergedInto: 'public',
  createdAt: 'public',
  updatedAt: 'public',
  version: 'public',
  abilities: 'public',
  // Names a history row gives to changes that are not a field of the view (person-history.ts):
  // a household group rewritten (its members, "lives alone") and the id of a person merged in.
  household: 'personal',
  mergedFrom: 'public',
};

/** Changes of person_history that name no field of the view (persons.history masks them by these). */
type PersonChangeOnly = 'household' | 'mergedFrom';

/** Classes of the writable inputs (create/update): a write to an unwritable class is refused whole. */
export const personInputClasses: FieldMap = {
  ...personFieldClasses,
  id: 'public',
  version: 'public',
  searchToken: 'public',
  identity: 'personal',
  identify: 'personal',
  temporaryFiscalCode: 'personal',
  newAddress: 'personal',
  registrySync: 'personal',
};

/**
 * What a protected person hides from everyone but the granted operators (issue 4, point 5): where
 * they live or stay, on every read path. Household links are hidden by households.*.
 */
export const protectedFields = ['addresses', 'receptionFacility'] as const;

/** The preview of a person outside the actor's scope (architecture: "limited preview"). */
export const previewFields = ['fiscalCode', 'surname', 'name', 'birthDate'] as const;

/** Other names of a person (aliases, former names): identifying data. */
export const aliasFieldClasses: FieldMap<'surname' | 'name' | 'note'> = { surname: 'personal', name: 'personal', note: 'personal' };

/** An address: where someone lives is identifying data; where it came from is organisational. */
export const addressFieldClasses: FieldMap = {
  id: 'public',
  kind: 'personal',
  street: 'personal',
  civic: 'personal',
  postalCode: 'personal',
  comuneIstat: 'personal',
  comuneName: 'personal',
  stateCode: 'personal',
  stateName: 'personal',
  locality: 'personal',
  validFrom: 'personal',
  validTo: 'personal',
  source: 'public',
};

/** A merge: which records became one, who and when (organisational); the reason may speak of the person. */
export const personMergeFieldClasses: FieldMap = { id: 'public', survivorId: 'public', mergedId: 'public', mergedAt: 'public', mergedByName: 'public', reason: 'personal' };
