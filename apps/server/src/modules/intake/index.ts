import './intake-kinds.js';
import './intake-search-slots.js';
import { findIntakeRecords } from './actions/find-intake-records.js';
import { getIntakeRecord } from './actions/get-intake-record.js';
import { createIntakeRecord } from './actions/create-intake-record.js';
import { updateIntakeRecord } from './actions/update-intake-record.js';
import { completeIntakeRecord } from './actions/complete-intake-record.js';
import { deleteIntakeRecord } from './actions/delete-intake-record.js';
import { copyIntakeRecord } from './actions/copy-intake-record.js';
import { createIntakeNote } from './actions/create-intake-note.js';
import { printIntakeRecord } from './actions/print-intake-record.js';
import { exportIntakeRecords } from './actions/export-intake-records.js';
import { sendIntakeRecord } from './transfers/send-intake-record.js';
import { receiveIntakeRecord } from './transfers/receive-intake-record.js';
import { refuseIntakeRecord } from './transfers/refuse-intake-record.js';
import { findTransfers } from './transfers/find-transfers.js';
import { findProposals } from './proposals/find-proposals.js';
import { getProposal } from './proposals/get-proposal.js';
import { markProposalSeen } from './proposals/mark-proposal-seen.js';
import { rejectProposal } from './proposals/reject-proposal.js';

/** Intake desk (issue 5): schede, diary, sending and receiving, proposals to take charge. */
export const intakeHandlers = {
  'intakeRecords.find': findIntakeRecords,
  'intakeRecords.get': getIntakeRecord,
  'intakeRecords.create': createIntakeRecord,
  'intakeRecords.update': updateIntakeRecord,
  'intakeRecords.complete': completeIntakeRecord,
  'intakeRecords.delete': deleteIntakeRecord,
  'intakeRecords.copy': copyIntakeRecord,
  'intakeNotes.create': createIntakeNote,
  'intakeRecords.print': printIntakeRecord,
  'intakeRecords.export': exportIntakeRecords,
  'intakeRecords.send': sendIntakeRecord,
  'intakeRecords.receive': receiveIntakeRecord,
  'intakeRecords.refuse': refuseIntakeRecord,
  'intakeTransfers.find': findTransfers,
  'proposals.find': findProposals,
  'proposals.get': getProposal,
  'proposals.markSeen': markProposalSeen,
  'proposals.reject': rejectProposal,
} as const;
