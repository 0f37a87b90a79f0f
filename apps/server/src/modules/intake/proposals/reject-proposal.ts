import { sql } from 'kysely';
import { proposalsReject } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { notify } from '../../../notifications/notify.js';
import { operatorsOf } from '../../../notifications/recipients.js';
import { actorOf } from '../../organisation/require-actor.js';
import { assertOpen, proposalOfEnte, recordProposalStep } from './proposal-access.js';
import { presentProposals } from './proposal-repo.js';

/**
 * proposed | seen → rejected with a note (siso-original CS_SS_SCHEDA_SEGR: RESPINTA); the desk that
 * proposed it gets an `intake.proposalRejected` alert. Acceptance (creating or linking the case file)
 * belongs to the case-file issue.
 */
export const rejectProposal = defineHandler(proposalsReject, async (ctx, input) => {
  const actor = actorOf(ctx);
  const row = await proposalOfEnte(ctx.tx, actor, input.id, true);
  assertOpen(row, input.version);
  await recordProposalStep(ctx, actor, row.id, sql`status = 'rejected', note = ${input.note}, decided_at = now(), decided_by = ${actor.operatorId}`);
  const publicUrl = ctx.services.config.publicUrl;
  await notify(ctx.tx, await operatorsOf(ctx.tx, [{ kind: 'office', id: row.source_office_id }], 'intakeRecords.complete'), {
    ambitoId: row.ambito_id, enteId: row.source_ente_id, type: 'intake.proposalRejected',
    title: `Proposta di presa in carico della scheda ${row.intake_number} respinta da ${row.dest_ente_name}`,
    link: { kind: 'intakeRecord', id: row.intake_id }, publicUrl,
  });
  const updated = await proposalOfEnte(ctx.tx, actor, input.id);
  const [view] = await presentProposals(ctx, ctx.tx, actor, [updated], false);
  return view!;
});
