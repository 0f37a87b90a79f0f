import type { PolicyTable } from '../../access/policy.js';

const desk = ['operatore_sportello', 'assistente_sociale', 'responsabile_settore'] as const;
const deskAndAccessPoints = [...desk, 'operatore_terzo_settore'] as const;
const professionalService = ['assistente_sociale', 'responsabile_settore'] as const;

/**
 * Intake desk (issue 5). Desk operators, social workers and sector heads record, complete, send and
 * receive schede within their scope (office, own + grants, ente); third-sector access points record
 * schede for a desk (own scope) but neither send nor receive them. Proposals to take charge are read
 * and rejected by the professional social service (siso-original §5.1 step 5). Administrators,
 * the DPO and regional analysts never read schede.
 */
export const intakePolicy = {
  'intakeRecords.find': { profiles: deskAndAccessPoints },
  'intakeRecords.get': { profiles: deskAndAccessPoints },
  'intakeRecords.create': { profiles: deskAndAccessPoints },
  'intakeRecords.update': { profiles: deskAndAccessPoints },
  'intakeRecords.complete': { profiles: deskAndAccessPoints },
  // Third-sector access points record schede but do not remove them: the desk they serve does.
  'intakeRecords.delete': { profiles: desk },
  'intakeRecords.copy': { profiles: deskAndAccessPoints },
  'intakeRecords.print': { profiles: deskAndAccessPoints },
  'intakeRecords.export': { profiles: desk },
  'intakeRecords.send': { profiles: desk },
  'intakeRecords.receive': { profiles: desk },
  'intakeRecords.refuse': { profiles: desk },
} satisfies PolicyTable<'intakeRecords'>;

export const intakeNotesPolicy = {
  'intakeNotes.create': { profiles: deskAndAccessPoints },
} satisfies PolicyTable<'intakeNotes'>;

export const intakeTransfersPolicy = {
  'intakeTransfers.find': { profiles: desk },
} satisfies PolicyTable<'intakeTransfers'>;

export const proposalsPolicy = {
  'proposals.find': { profiles: professionalService },
  'proposals.get': { profiles: professionalService },
  'proposals.markSeen': { profiles: professionalService },
  'proposals.reject': { profiles: professionalService },
} satisfies PolicyTable<'proposals'>;
