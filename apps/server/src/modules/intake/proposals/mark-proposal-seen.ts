import { sql } from 'kysely';
import { proposalsMarkSeen } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { assertOpen, proposalOfEnte, recordProposalStep } from './proposal-access.js';
import { presentProposals } from './proposal-repo.js';

/**
 * proposed → seen (siso-original CS_SS_SCHEDA_SEGR: CREATA → VISTA), recording who and when.
 * Idempotent: a proposal already seen is returned as it is (two colleagues opening it together is no
 * error); a decided one is 409.
 */
export const markProposalSeen = defineHandler(proposalsMarkSeen, async (ctx, input) => {
  const actor = actorOf(ctx);
  let row = await proposalOfEnte(ctx.tx, actor, input.id, true);
  if (row.status !== 'seen') {
    assertOpen(row, input.version);
    await recordProposalStep(ctx, actor, row.id, sql`status = 'seen', seen_at = now(), seen_by = ${actor.operatorId}`);
    row = await proposalOfEnte(ctx.tx, actor, input.id);
  }
  const [view] = await presentProposals(ctx, ctx.tx, actor, [row], false);
  return view!;
});
