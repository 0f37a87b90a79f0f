import type { FieldMap } from '../../../access/field-classes.js';

/**
 * Field classes of a household member (issue 4, point 6). The link itself (kinship, cohabiting,
 * parental responsibility, availability) is shown with the group; names typed for unregistered
 * members, their contacts and notes are personal data. A linked person is shown through their own
 * classes (persons.fields.ts).
 */
export const memberFieldClasses: FieldMap<'displayName' | 'contact' | 'note'> = {
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
