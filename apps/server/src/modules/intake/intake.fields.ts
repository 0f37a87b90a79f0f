import type { FieldClass, FieldMap } from '../../access/field-classes.js';

/**
 * Field classes of a scheda (issue 5, "Privacy"; architecture: field classes). What says when and
 * how someone came is organisational (`public`); who they are, who spoke for them and what they need
 * is `personal` — also when the interlocutor is the judicial authority: the record says who called,
 * not a court decision. Health notes and invalidity are health data (`special`, GDPR art. 9); the
 * whole foreigners' section is immigration data (`foreigner`); private diary text is `reserved`
 * (siso-original §10.3.2).
 */
export const accessFieldClasses: FieldMap = {
  date: 'public', mode: 'public', reason: 'public', userPresence: 'public',
  contactPointId: 'personal', reasonDetail: 'personal', sentByOfficeId: 'personal', sentByText: 'personal',
  accompanied: 'personal', accompaniedBy: 'personal', description: 'personal',
};

export const interlocutorFieldClasses: FieldMap = Object.fromEntries(
  ['type', 'surname', 'name', 'fiscalCode', 'sex', 'birthDate', 'relationship', 'organisation', 'role', 'phone', 'mobile', 'email', 'address'].map((k) => [k, 'personal']),
);

export const socialFieldClasses: FieldMap = {
  household: 'personal', workCondition: 'personal', profession: 'personal', education: 'personal', housing: 'personal',
  housingNotes: 'personal', healthNotes: 'special', invalidityPercent: 'special', incomeNotes: 'personal',
};

export const foreignerFieldClasses: FieldMap = Object.fromEntries(
  ['arrivalYear', 'arrivalChannel', 'countryOfOrigin', 'permitType', 'permitStatus', 'permitExpiry', 'permitNumber', 'internationalProtection',
    'languageLevel', 'receptionFacility', 'unaccompaniedMinor'].map((k) => [k, 'foreigner']),
);

export const needsFieldClasses: FieldMap = { codes: 'personal', notes: 'personal' };
export const servicesFieldClasses: FieldMap = { requested: 'personal', deskInterventions: 'personal' };
export const outcomeFieldClasses: FieldMap = { type: 'public', socialCategory: 'personal', plannedInterventions: 'personal', note: 'personal' };

/** The sections stored as one jsonb object each, with their field maps. */
export const sectionFieldClasses = {
  access: accessFieldClasses,
  interlocutor: interlocutorFieldClasses,
  social: socialFieldClasses,
  foreigner: foreignerFieldClasses,
  needs: needsFieldClasses,
  services: servicesFieldClasses,
  outcome: outcomeFieldClasses,
} as const;
export type ObjectSection = keyof typeof sectionFieldClasses;
export const objectSections = Object.keys(sectionFieldClasses) as ObjectSection[];

/** The user (the person of the registry) and the reference people: identifying data. */
export const personIdClass: FieldClass = 'personal';
export const referencesClass: FieldClass = 'personal';
/** Text of a private diary note (siso-original §10.3.2). */
export const privateNoteClass: FieldClass = 'reserved';

/** The jsonb column of each section. */
export const sectionColumn = {
  access: 'access',
  interlocutor: 'interlocutor',
  social: 'social',
  foreigner: 'foreigner',
  needs: 'needs',
  services: 'services',
  outcome: 'outcome_detail',
} as const satisfies Record<ObjectSection, string>;
