import { sql } from 'kysely';
import { AppError } from '../../../http/app-error.js';
import type { Tx } from '../../../db/transaction.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import { DESK_OFFICE_TYPES } from '../../desks/desk-types.js';

export interface Destination {
  officeId: string;
  officeName: string;
  officeEmail: string | null;
  enteId: string;
  ambitoId: string | null;
}

/**
 * Where a scheda may go (issue 5, point 4): a desk of the same ente, of another ente of the ambito or
 * of another ambito of the region — never the scheda's own desk, never a non-desk office (a
 * third-sector access point records for a desk, it does not receive). Anything else is 422 on
 * `destOfficeId`, the same answer for an office that does not exist.
 */
export async function resolveDestination(tx: Tx, actor: ContextActor, destOfficeId: string, sourceOfficeId: string): Promise<Destination> {
  const r = await sql<Destination>`
    SELECT o.id AS "officeId", o.name AS "officeName", o.email AS "officeEmail", o.ente_id AS "enteId", o.ambito_id AS "ambitoId"
      FROM office o JOIN ente e ON e.id = o.ente_id
      LEFT JOIN ambito a ON a.id = o.ambito_id
     WHERE o.id = ${destOfficeId} AND o.archived_at IS NULL AND e.archived_at IS NULL
       AND o.type = ANY(${[...DESK_OFFICE_TYPES]}::text[])
       AND e.regione_id = (SELECT regione_id FROM ente WHERE id = ${actor.context.enteId})`.execute(tx);
  const d = r.rows[0];
  if (!d || d.officeId === sourceOfficeId) throw new AppError('precondition_failed', [{ path: 'destOfficeId', message: 'destinazione_non_valida' }]);
  return d;
}
