import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';

/** Where a demo persona works: their operator id and the ambito, ente and office of their assignment. */
export async function placementOf(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('assignment')
    .innerJoin('operator', 'operator.id', 'assignment.operator_id')
    .select(['operator.id as operatorId', 'assignment.ambito_id as ambitoId', 'assignment.ente_id as enteId', 'assignment.office_id as officeId'])
    .where('operator.username', '=', username)
    .executeTakeFirstOrThrow();
}
