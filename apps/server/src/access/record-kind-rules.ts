import { sql } from 'kysely';
import type { Actor } from './actor.js';
import type { RecordKindRule } from './record-kinds.js';
import { consentFieldClasses, privacyNoticeFieldClasses } from '../modules/consents/consents.fields.js';
import { householdGroupFieldClasses, memberFieldClasses } from '../modules/persons/households/households.fields.js';
import { addressFieldClasses, aliasFieldClasses, personFieldClasses, personMergeFieldClasses } from '../modules/persons/persons.fields.js';
import {
  canReadPrivateNote,
  intakeNoteFieldClasses,
  intakeRecordFieldClasses,
  proposalFieldClasses,
  transferFieldClasses,
} from '../modules/intake/intake.fields.js';
import { attachmentFieldClasses, serviceRequestFieldClasses } from '../modules/service-requests/service-requests.fields.js';

/** Rows of a desk (office column `column`) the actor works at now: the destination side of a transfer. */
const atMyDesk = (column: string) => (actor: Actor, alias: string) =>
  actor.context ? sql<boolean>`${sql.ref(`${alias}.${column}`)} = ${actor.context.officeId}` : sql<boolean>`false`;

/**
 * Every record kind of SISO and its whole visibility rule, in one place (issue 10, point 1; the
 * mechanism and a worked example: ARCHITECTURE.md, "Privacy by construction"). A table holding
 * personal data that is not here cannot be read by the scope guard's standards — add it here first.
 */
export const recordKindRules = {
  // The people registry (docs/persons.md). `protectedPerson` lives in the same table: a grant of
  // that kind names who may see where a protected person lives and who their family is. A scheda the
  // actor sees shows the summary of whom it is about, even outside the registry's scope; protected
  // people never appear in a search preview (issue 4, point 5).
  person: {
    table: 'person',
    readPermission: 'persons.get',
    fields: personFieldClasses,
    preview: { neverWhenSet: 'protection_reason' },
    referencedBy: [{ kind: 'intakeRecord', column: 'person_id' }],
  },
  protectedPerson: { table: 'person', readPermission: 'persons.get', fields: personFieldClasses },
  // The person's details: visible exactly when the person is.
  personAlias: { table: 'person_alias', readPermission: 'persons.get', fields: aliasFieldClasses, parent: { kind: 'person', column: 'person_id' } },
  personAddress: { table: 'person_address', readPermission: 'persons.get', fields: addressFieldClasses, parent: { kind: 'person', column: 'person_id' } },
  // A change is shown with the class of the person's field it changed.
  personHistory: { table: 'person_history', readPermission: 'persons.get', fields: personFieldClasses, parent: { kind: 'person', column: 'person_id' } },
  personMerge: { table: 'person_merge', readPermission: 'persons.get', fields: personMergeFieldClasses, parent: { kind: 'person', column: 'survivor_id' } },
  // Households belong to the person whose network they describe; members to their group.
  householdGroup: { table: 'household_group', readPermission: 'persons.get', fields: householdGroupFieldClasses, parent: { kind: 'person', column: 'owner_person_id' } },
  householdMember: { table: 'household_member', readPermission: 'persons.get', fields: memberFieldClasses, parent: { kind: 'householdGroup', column: 'group_id' } },
  // Privacy notices and consents (docs/consents.md) belong to the person; a notice collected at a
  // desk that excludes one of the actor's profiles is that desk's record (siso-original §10.3.1).
  // A notice recorded by an office is hidden with what that office produced ("hide the information
  // produced by my office"): its signer, its form, and the privacy status it gives.
  privacyNotice: {
    table: 'privacy_notice',
    readPermission: 'persons.get',
    fields: privacyNoticeFieldClasses,
    parent: { kind: 'person', column: 'person_id' },
    deskColumn: 'desk_office_id',
    producedByOffice: 'office_id',
  },
  consent: { table: 'consent', readPermission: 'persons.get', fields: consentFieldClasses, parent: { kind: 'person', column: 'person_id' } },

  // The intake desk (docs/intake.md): a scheda belongs to its desk (office); a desk excluding one of
  // the actor's profiles hides its schede (siso-original §10.3.1); a deleted scheda is kept with its
  // reason and read only by those who ask for deleted ones.
  intakeRecord: { table: 'intake_record', readPermission: 'intakeRecords.get', fields: intakeRecordFieldClasses, deskColumn: 'office_id', deletedColumn: 'deleted_at' },
  // What an office writes inside a scheda is hidden from a grantee when the grant says "hide the
  // information produced by my office", and what a second-level unit writes from first-level offices.
  // A private diary note is listed; its text is reserved (siso-original §10.3.2).
  intakeNote: {
    table: 'intake_note',
    readPermission: 'intakeRecords.get',
    fields: intakeNoteFieldClasses,
    parent: { kind: 'intakeRecord', column: 'intake_id' },
    producedByOffice: 'office_id',
    reserved: { flag: 'private', fields: ['text'], readers: canReadPrivateNote },
  },
  serviceRequest: { table: 'service_request', readPermission: 'intakeRecords.get', fields: serviceRequestFieldClasses, parent: { kind: 'intakeRecord', column: 'intake_id' }, producedByOffice: 'office_id' },
  // A file is its owner's: a service request's or a privacy notice's.
  attachment: {
    table: 'attachment',
    readPermission: 'intakeRecords.get',
    fields: attachmentFieldClasses,
    parent: [
      { kind: 'serviceRequest', column: 'owner_id', when: { column: 'owner_kind', equals: 'serviceRequest' } },
      { kind: 'privacyNotice', column: 'owner_id', when: { column: 'owner_kind', equals: 'privacyNotice' } },
    ],
    deletedColumn: 'deleted_at',
  },
  // A send is the sending desk's (through its scheda), the destination desk's — its inbox while it
  // waits, its history of what it refused (the desk the actor works at now; an operator whose profile a
  // desk excludes cannot work at it: assertDeskOpen) — and, once accepted, of whoever sees the scheda
  // it became. Sends and proposals go with their scheda when it is deleted.
  intakeTransfer: {
    table: 'intake_transfer',
    readPermission: 'intakeRecords.get',
    fields: transferFieldClasses,
    parent: [
      { kind: 'intakeRecord', column: 'source_intake_id' },
      { kind: 'intakeRecord', column: 'received_intake_id' },
    ],
    alsoVisible: atMyDesk('dest_office_id'),
    // Deleted with the scheda it was sent from (migration 0016).
    deletedColumn: 'deleted_at',
  },
  // A proposal to take charge is the proposing desk's (through its scheda) and the destination's
  // professional social service's: its offices of that ente, never the whole ente (issue 10, point 5).
  takeChargeProposal: {
    table: 'take_charge_proposal',
    readPermission: 'intakeRecords.get',
    fields: proposalFieldClasses,
    parent: { kind: 'intakeRecord', column: 'intake_id' },
    deletedColumn: 'deleted_at',
    alsoVisible: (actor: Actor, alias: string) =>
      actor.context?.officeType === 'servizio_sociale_professionale' && actor.permissions.has('proposals.find')
        ? sql<boolean>`${sql.ref(`${alias}.dest_ente_id`)} = ${actor.context.enteId}`
        : sql<boolean>`false`,
  },
} satisfies Record<string, RecordKindRule>;

export type RecordKindName = keyof typeof recordKindRules;
