import { sql } from 'kysely';
import type { DeskCounters } from '@siso/shared';
import { visibleTo } from '../../access/visibility.js';
import type { Tx } from '../../db/transaction.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { notExcludedDesk } from '../intake/desk-access.js';
import { INTAKE_RECORD } from '../intake/intake-kinds.js';

/**
 * A desk's counters for a period (issue 5, point 8), in one round trip. Schede are counted by access
 * date among those the actor may see (visibleTo: a count never reveals a record the actor cannot
 * open); transfers and proposals are events of the desk itself, counted by the (Italian calendar)
 * day they happened: sent (sent_at, from the desk), received (accepted at the
 * desk, decided_at), refused (refused by the desk, decided_at), proposals (made from the desk's
 * schede, created_at). They carry no personal data.
 */
export async function deskCountersOf(tx: Tx, actor: ContextActor, officeId: string, from: string, to: string): Promise<DeskCounters> {
  const day = (col: string) => sql`(${sql.ref(col)} AT TIME ZONE 'Europe/Rome')::date BETWEEN ${from}::date AND ${to}::date`;
  const r = await sql<Omit<DeskCounters, 'officeId' | 'from' | 'to'>>`
    WITH s AS (
      SELECT count(*) FILTER (WHERE r.status = 'complete')::int AS complete, count(*) FILTER (WHERE r.status = 'incomplete')::int AS incomplete
        FROM intake_record r
       WHERE r.office_id = ${officeId} AND r.deleted_at IS NULL AND r.access_date BETWEEN ${from}::date AND ${to}::date
         AND ${visibleTo(actor, 'intakeRecords.find', INTAKE_RECORD, 'r')} AND ${notExcludedDesk(actor, 'r')}
    ), tr AS (
      SELECT count(*) FILTER (WHERE t.source_office_id = ${officeId} AND ${day('t.sent_at')})::int AS sent,
             count(*) FILTER (WHERE t.dest_office_id = ${officeId} AND t.status = 'received' AND ${day('t.decided_at')})::int AS received,
             count(*) FILTER (WHERE t.dest_office_id = ${officeId} AND t.status = 'refused' AND ${day('t.decided_at')})::int AS refused
        FROM intake_transfer t
       WHERE t.source_office_id = ${officeId} OR t.dest_office_id = ${officeId}
    ), pr AS (
      SELECT count(*)::int AS proposals FROM take_charge_proposal p WHERE p.source_office_id = ${officeId} AND ${day('p.created_at')}
    )
    SELECT s.complete, s.incomplete, tr.sent, tr.received, tr.refused, pr.proposals FROM s, tr, pr`.execute(tx);
  const c = r.rows[0]!;
  return { officeId, from, to, ...c };
}
