import type { FieldMap } from '../../../access/field-classes.js';

/**
 * Field classes of a household member (issue 4, point 6). The link itself (kinship, cohabiting,
 * parental responsibility, availability) is shown with the group; names typed for unregistered
 * members, their contacts and notes are personal data. A linked person is shown through their own
 * classes (persons.fields.ts).
 */
export const memberFieldClasses: FieldMap = {
  id: 'public',
  person: 'public',
  relationship: 'public',
  relationshipLabel: 'public',
  cohabiting: 'public',
  parentalResponsibility: 'public',
  availability: 'public',
  validFrom: 'public',
  validTo: 'public',
  source: 'public',
  displayName: 'personal',
  contact: 'personal',
  note: 'personal',
};

/** Classes of what households.update writes: the members and the "lives alone" flag are personal data. */
export const householdInputClasses: FieldMap<'livesAlone' | 'members'> = {
  livesAlone: 'personal',
  members: 'personal',
};

/** The display order of a person's groups. */
export const groupKindOrder = ['household', 'relatives', 'network'] as const;

/** A household group: its kind and members' count are organisational; "lives alone" describes the person. */
export const householdGroupFieldClasses: FieldMap = {
  id: 'public',
  kind: 'public',
  livesAlone: 'personal',
  members: 'public',
  hiddenMembers: 'public',
  version: 'public',
  abilities: 'public',
};
