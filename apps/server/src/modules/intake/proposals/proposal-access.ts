import { sql } from 'kysely';
import { AppError } from '../../../http/app-error.js';
import type { Tx } from '../../../db/transaction.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { selectProposals, type ProposalRow } from './proposal-repo.js';

/**
 * A proposal of the actor's ente (the proposals inbox of its social service), or 404: another ente's
 * proposals do not exist for the actor. `forUpdate` locks it for a state change.
 */
export async function proposalOfEnte(tx: Tx, actor: ContextActor, id: string, forUpdate = false): Promise<ProposalRow> {
  const row = (await selectProposals(tx, actor, sql`t.id = ${id} AND t.dest_ente_id = ${actor.context.enteId}`, 1, forUpdate))[0];
  if (!row) throw new AppError('not_found');
  return row;
}

/** A stale version is 409 `conflict`; a decided proposal cannot change any more (409 `proposta_già_decisa`). */
export function assertOpen(row: ProposalRow, version: number): void {
  if (row.status === 'accepted' || row.status === 'rejected') throw new AppError('conflict', [{ path: 'id', message: 'proposta_già_decisa' }]);
  if (row.version !== version) throw new AppError('conflict');
}
