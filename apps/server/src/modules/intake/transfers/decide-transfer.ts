import { sql } from 'kysely';
import { visible } from '../../../access/visibility.js';
import type { ActionContext } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import type { Tx } from '../../../db/transaction.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { INTAKE_TRANSFER, isDestinationOf, selectTransfers, type TransferRow } from './transfer-repo.js';

/**
 * The transfer the actor's desk is deciding on, locked: 404 unless the actor's current desk is its
 * destination (another desk does not learn it exists); 409 `scheda_già_ricevuta` once accepted or
 * refused (a scheda is received once only, issue 5 point 4); 409 on a stale version.
 */
export async function lockPendingTransfer(tx: Tx, actor: ContextActor, id: string, version: number): Promise<TransferRow> {
  const row = (await selectTransfers(tx, actor, sql`t.id = ${id} AND t.dest_office_id = ${actor.context.officeId}`, 1, { forUpdate: true }))[0];
  if (!row || !isDestinationOf(actor, row)) throw new AppError('not_found');
  if (row.status !== 'sent') throw new AppError('conflict', [{ path: 'transferId', message: 'scheda_già_ricevuta' }]);
  if (row.version !== version) throw new AppError('conflict');
  return row;
}

/**
 * Records the decision on a pending transfer (status, who, when) and bumps its version. The row is
 * the sending desk's (its write rule is the source scheda's), the decision the destination desk's:
 * the UPDATE goes through the cross-tenant handle, reaching only a transfer the actor sees AND whose
 * destination is the actor's current desk (lockPendingTransfer has checked both already).
 */
export async function decideTransfer(
  ctx: ActionContext,
  actor: ContextActor,
  id: string,
  decision: { status: 'received'; receivedIntakeId: string } | { status: 'refused'; reason: string },
): Promise<void> {
  const tx = ctx.crossTenant('the destination desk records its decision on a transfer sent by another desk (possibly of another ente or ambito)');
  const r = await sql`
    UPDATE intake_transfer AS t
       SET status = ${decision.status},
           received_intake_id = ${decision.status === 'received' ? decision.receivedIntakeId : null},
           refusal_reason = ${decision.status === 'refused' ? decision.reason : null},
           decided_by = ${actor.operatorId}, decided_at = now(), version = version + 1
     WHERE t.id = ${id} AND t.status = 'sent' AND t.dest_office_id = ${actor.context.officeId}
       AND ${visible(actor, INTAKE_TRANSFER, 't')}`.execute(tx);
  if (Number(r.numAffectedRows ?? 0) !== 1) throw new AppError('conflict', [{ path: 'transferId', message: 'scheda_già_ricevuta' }]);
}
