import type { Actor } from '../../access/actor.js';
import { publicFields, type FieldClass, type FieldMap, type FieldSpec } from '../../access/field-classes.js';
import { snapshotFieldClasses } from './transfers/transfer-fields.js';

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

/** A scheda as `presentRecord` masks it (its registration's `fields`): the sections and the reference people. */
export const intakeRecordFieldClasses: FieldSpec = { ...sectionFieldClasses, references: referencesClass };

/**
 * A diary note: its text is personal data; a private note's text is `reserved` (the registration's
 * `reserved`), read by the readers `canReadPrivateNote` names.
 */
export const intakeNoteFieldClasses: FieldSpec = { ...publicFields('id', 'authorId', 'authorName', 'writtenAt', 'private'), text: 'personal' };

/**
 * Who reads the text of a private diary note (siso-original §10.3.2): its author, the scheda's
 * creator, a manager of the ente (ente- or ambito-wide reach on schede) and holders of the `reserved`
 * class. Everybody else sees that the note exists, masked. Facts: the note's `authorId` and `enteId`,
 * the scheda's `intakeCreatedBy`.
 */
export function canReadPrivateNote(actor: Actor, facts: Readonly<Record<string, unknown>>): boolean {
  if (facts.authorId === actor.operatorId || facts.intakeCreatedBy === actor.operatorId) return true;
  const scope = actor.scopes['intakeRecords.get'];
  return (scope === 'ente' || scope === 'ambito') && actor.context !== null && facts.enteId === actor.context.enteId;
}

/** A send: the snapshot with its own classes (transfer-fields.ts); the message and the refusal reason may speak of the person. */
export const transferFieldClasses: FieldSpec = {
  ...publicFields(
    'id', 'sourceIntakeId', 'sourceAmbitoName', 'sourceEnteName', 'sourceOfficeName', 'destAmbitoName', 'destEnteName', 'destOfficeId', 'destOfficeName',
    'sentAt', 'sentByName', 'status', 'receivedIntakeId', 'decidedAt', 'decidedByName', 'version', 'abilities',
  ),
  snapshot: snapshotFieldClasses,
  message: 'personal',
  refusalReason: 'personal',
};

/** A proposal to take charge: the social category and the note describe the person (personal data); the person is presented as a person. */
export const proposalFieldClasses: FieldSpec = {
  ...publicFields(
    'id', 'intakeId', 'intakeNumber', 'accessDate', 'person', 'sourceEnteName', 'sourceOfficeName', 'destEnteId', 'destEnteName', 'status',
    'createdAt', 'seenAt', 'seenByName', 'decidedAt', 'decidedByName', 'version', 'abilities',
  ),
  socialCategory: 'personal',
  note: 'personal',
};
