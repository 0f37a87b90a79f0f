import type { FieldMap } from '../../access/field-classes.js';

/**
 * Field classes of privacy notices and consents (docs/consents.md). When, how and by whom a notice
 * was given or a consent recorded is organisational; the representative who signed for the person (a
 * tutore, an amministratore di sostegno, with the act appointing them) and a withdrawal's reason are
 * personal data.
 */
export const privacyNoticeFieldClasses: FieldMap = {
  id: 'public',
  enteName: 'public',
  deskOfficeName: 'public',
  givenOn: 'public',
  mode: 'public',
  signerKind: 'public',
  representative: 'personal',
  document: 'public',
  recordedByName: 'public',
  createdAt: 'public',
};

export const consentFieldClasses: FieldMap = {
  id: 'public',
  type: 'public',
  typeLabel: 'public',
  given: 'public',
  givenOn: 'public',
  signerKind: 'public',
  representative: 'personal',
  recordedByName: 'public',
  createdAt: 'public',
  withdrawnAt: 'public',
  withdrawnByName: 'public',
  withdrawReason: 'personal',
  abilities: 'public',
};
