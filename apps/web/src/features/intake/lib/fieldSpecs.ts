import {
  accessModes,
  accessReasons,
  arrivalChannels,
  intakeOutcomes,
  interlocutorTypes,
  languageLevels,
  permitStatuses,
  protectionStatuses,
  socialCategories,
  userPresence,
} from '@siso/shared';

/**
 * The plain fields of the scheda's sections (siso-original §3.2, contracts intake-common.ts), one
 * list per section: the form draws them, and the payload builder turns their values into the
 * section's input. Fields with their own widgets (the "inviato da" office, the country, code lists
 * grouped by class) are handled by their section component.
 */
export type FieldKind = 'text' | 'longText' | 'date' | 'enum' | 'code' | 'flag' | 'integer' | 'email' | 'phone' | 'ref';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  /** `enum`: the values, labelled by `intake.enums.<enumName>.<value>`. */
  options?: readonly string[];
  enumName?: string;
  /** `code`: the reference code list. */
  list?: string;
  /** `integer`: bounds, as the contract has them. */
  min?: number;
  max?: number;
  /** Drawn by the section itself (a radio group, an office picker, the state combobox), not by the generic grid. */
  own?: boolean;
}

export type PlainSection = 'access' | 'interlocutor' | 'social' | 'foreigner' | 'outcome';

export const sectionFields: Record<PlainSection, readonly FieldSpec[]> = {
  access: [
    { key: 'date', kind: 'date' },
    { key: 'contactPointId', kind: 'ref', own: true },
    { key: 'mode', kind: 'enum', options: accessModes, enumName: 'accessMode' },
    { key: 'reason', kind: 'enum', options: accessReasons, enumName: 'accessReason' },
    { key: 'reasonDetail', kind: 'text' },
    { key: 'sentByOfficeId', kind: 'ref', own: true },
    { key: 'sentByText', kind: 'text' },
    { key: 'accompanied', kind: 'flag' },
    { key: 'accompaniedBy', kind: 'text' },
    { key: 'userPresence', kind: 'enum', options: userPresence, enumName: 'userPresence' },
    { key: 'description', kind: 'longText' },
  ],
  interlocutor: [
    { key: 'type', kind: 'enum', options: interlocutorTypes, enumName: 'interlocutorType', own: true },
    { key: 'surname', kind: 'text' },
    { key: 'name', kind: 'text' },
    { key: 'fiscalCode', kind: 'text' },
    { key: 'sex', kind: 'enum', options: ['M', 'F'], enumName: 'sex' },
    { key: 'birthDate', kind: 'date' },
    { key: 'relationship', kind: 'text' },
    { key: 'organisation', kind: 'text' },
    { key: 'role', kind: 'text' },
    { key: 'phone', kind: 'phone' },
    { key: 'mobile', kind: 'phone' },
    { key: 'email', kind: 'email' },
    { key: 'address', kind: 'text' },
  ],
  social: [
    { key: 'household', kind: 'longText' },
    { key: 'workCondition', kind: 'code', list: 'siso.condizione_lavoro' },
    { key: 'profession', kind: 'text' },
    { key: 'education', kind: 'code', list: 'siso.titolo_studio' },
    { key: 'housing', kind: 'code', list: 'siso.abitazione' },
    { key: 'housingNotes', kind: 'longText' },
    { key: 'healthNotes', kind: 'longText' },
    { key: 'invalidityPercent', kind: 'integer', min: 0, max: 100 },
    { key: 'incomeNotes', kind: 'longText' },
  ],
  foreigner: [
    { key: 'arrivalYear', kind: 'integer', min: 1900, max: 2100 },
    { key: 'arrivalChannel', kind: 'enum', options: arrivalChannels, enumName: 'arrivalChannel' },
    { key: 'countryOfOrigin', kind: 'code', own: true },
    { key: 'permitType', kind: 'code', list: 'siso.motivo_permesso_soggiorno' },
    { key: 'permitStatus', kind: 'enum', options: permitStatuses, enumName: 'permitStatus' },
    { key: 'permitExpiry', kind: 'date' },
    { key: 'permitNumber', kind: 'text' },
    { key: 'internationalProtection', kind: 'enum', options: protectionStatuses, enumName: 'protection' },
    { key: 'languageLevel', kind: 'enum', options: languageLevels, enumName: 'languageLevel' },
    { key: 'receptionFacility', kind: 'text' },
    { key: 'unaccompaniedMinor', kind: 'flag' },
  ],
  outcome: [
    { key: 'type', kind: 'enum', options: intakeOutcomes, enumName: 'outcome' },
    { key: 'socialCategory', kind: 'enum', options: socialCategories, enumName: 'socialCategory' },
    { key: 'plannedInterventions', kind: 'longText' },
    { key: 'note', kind: 'longText' },
  ],
};
