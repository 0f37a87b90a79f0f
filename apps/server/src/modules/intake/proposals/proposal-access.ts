import { sql, type RawBuilder } from 'kysely';
import { visible } from '../../../access/visibility.js';
import type { ActionContext } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import type { Tx } from '../../../db/transaction.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { proposalInbox, selectProposals, TAKE_CHARGE_PROPOSAL, type ProposalRow } from './proposal-repo.js';

/**
 * A proposal of the actor's proposals inbox (its ente's, read at a professional social service
 * office), or 404: another ente's proposals, and any at another office, do not exist for the actor.
 * `forUpdate` locks it for a state change.
 */
export async function proposalOfEnte(tx: Tx, actor: ContextActor, id: string, forUpdate = false): Promise<ProposalRow> {
  const row = (await selectProposals(tx, actor, sql`t.id = ${id} AND ${proposalInbox(actor)}`, 1, { forUpdate, inbox: true }))[0];
  if (!row) throw new AppError('not_found');
  return row;
}

/** A stale version is 409 `conflict`; a decided proposal cannot change any more (409 `proposta_già_decisa`). */
export function assertOpen(row: ProposalRow, version: number): void {
  if (row.status === 'accepted' || row.status === 'rejected') throw new AppError('conflict', [{ path: 'id', message: 'proposta_già_decisa' }]);
  if (row.version !== version) throw new AppError('conflict');
}

/**
 * Records the social service's step on a proposal of its inbox (seen, rejected: `set`, over alias t)
 * and bumps its version. The row is the proposing desk's (its write rule is the scheda's, possibly of
 * another ente when it went to the capofila), the decision the destination's: the UPDATE goes through
 * the cross-tenant handle, reaching only a proposal the actor sees and of their inbox — the row
 * proposalOfEnte locked and checked.
 */
export async function recordProposalStep(ctx: ActionContext, actor: ContextActor, id: string, set: RawBuilder<unknown>): Promise<void> {
  const tx = ctx.crossTenant('the destination’s professional social service records its step on a proposal made from another desk’s scheda');
  const r = await sql`
    UPDATE take_charge_proposal AS t SET ${set}, version = t.version + 1
     WHERE t.id = ${id} AND t.status IN ('proposed', 'seen') AND ${proposalInbox(actor)} AND ${visible(actor, TAKE_CHARGE_PROPOSAL, 't')}`.execute(tx);
  if (Number(r.numAffectedRows ?? 0) !== 1) throw new AppError('conflict', [{ path: 'id', message: 'proposta_già_decisa' }]);
}
