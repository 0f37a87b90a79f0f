import { sql } from 'kysely';
import { AppError } from '../../../http/app-error.js';
import type { Tx } from '../../../db/transaction.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { isDestinationOf, selectTransfers, type TransferRow } from './transfer-repo.js';

/**
 * The transfer the actor's desk is deciding on, locked: 404 unless the actor's current desk is its
 * destination (another desk does not learn it exists); 409 `scheda_già_ricevuta` once accepted or
 * refused (a scheda is received once only, issue 5 point 4); 409 on a stale version.
 */
export async function lockPendingTransfer(tx: Tx, actor: ContextActor, id: string, version: number): Promise<TransferRow> {
  const row = (await selectTransfers(tx, sql`t.id = ${id} AND t.dest_office_id = ${actor.context.officeId}`, 1, true))[0];
  if (!row || !isDestinationOf(actor, row)) throw new AppError('not_found');
  if (row.status !== 'sent') throw new AppError('conflict', [{ path: 'transferId', message: 'scheda_già_ricevuta' }]);
  if (row.version !== version) throw new AppError('conflict');
  return row;
}

/** Records the decision on a pending transfer (status, who, when) and bumps its version. */
export async function decideTransfer(
  tx: Tx,
  actor: ContextActor,
  id: string,
  decision: { status: 'received'; receivedIntakeId: string } | { status: 'refused'; reason: string },
): Promise<void> {
  const r = await sql`
    UPDATE intake_transfer
       SET status = ${decision.status},
           received_intake_id = ${decision.status === 'received' ? decision.receivedIntakeId : null},
           refusal_reason = ${decision.status === 'refused' ? decision.reason : null},
           decided_by = ${actor.operatorId}, decided_at = now(), version = version + 1
     WHERE id = ${id} AND status = 'sent'`.execute(tx);
  if (Number(r.numAffectedRows ?? 0) !== 1) throw new AppError('conflict', [{ path: 'transferId', message: 'scheda_già_ricevuta' }]);
}
