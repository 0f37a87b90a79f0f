import { sql } from 'kysely';
import type { DeskCounters } from '@siso/shared';
import { visible, visibleByNature, visibleInOffice } from '../../access/visibility.js';
import type { Tx } from '../../db/transaction.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { INTAKE_RECORD } from '../intake/intake-kinds.js';
import { TAKE_CHARGE_PROPOSAL } from '../intake/proposals/proposal-repo.js';
import { INTAKE_TRANSFER } from '../intake/transfers/transfer-repo.js';

/**
 * A desk's counters for a period (issue 5, point 8), in one round trip, each over the records of its
 * kind the actor may see (docs/intake.md: a count never reveals a record the actor cannot open —
 * a third-sector operator counts none of a desk's sends whose schede it cannot read). Schede are
 * counted by access date; transfers and proposals are events of the desk, counted by the (Italian
 * calendar) day they happened: sent (sent_at, from the desk), received (accepted at the desk,
 * decided_at), refused (refused by the desk, decided_at), proposals (made from the desk's schede,
 * created_at). Sends and proposals are joined to their scoped scheda (`via`) rather than re-deriving the
 * scheda's rule inside each child's (planning cost, bench/intake/README.md).
 */
export async function deskCountersOf(tx: Tx, actor: ContextActor, officeId: string, from: string, to: string): Promise<DeskCounters> {
  // The Italian calendar days [from, to] as an interval of instants, so the indexes on the event's
  // time serve it: a local midnight always exists in Europe/Rome (the DST changes happen at 2–3 am).
  const lo = sql`(${from}::date::timestamp AT TIME ZONE 'Europe/Rome')`;
  const hi = sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`;
  const during = (col: string) => sql`${sql.ref(col)} >= ${lo} AND ${sql.ref(col)} < ${hi}`;
  // At the actor's own desk the sends it decided are exactly those it sees by their nature (visibleByNature): no parent rule to plan.
  const decidedRule = officeId === actor.context.officeId ? visibleByNature(actor, INTAKE_TRANSFER, 't') : visible(actor, INTAKE_TRANSFER, 't');
  const decided = (status: 'received' | 'refused') =>
    sql`(SELECT count(*)::int FROM intake_transfer t WHERE t.dest_office_id = ${officeId} AND t.status = ${status} AND ${during('t.decided_at')}
           AND ${decidedRule})`;
  const r = await sql<Omit<DeskCounters, 'officeId' | 'from' | 'to'>>`
    SELECT count(*) FILTER (WHERE r.status = 'complete')::int AS complete, count(*) FILTER (WHERE r.status = 'incomplete')::int AS incomplete,
           (SELECT count(*)::int FROM intake_record s JOIN intake_transfer t ON t.source_intake_id = s.id
                   AND ${visible(actor, INTAKE_TRANSFER, 't', { via: 's', viaColumn: 'source_intake_id' })}
             WHERE t.source_office_id = ${officeId} AND ${during('t.sent_at')} AND ${visible(actor, INTAKE_RECORD, 's')}) AS sent,
           ${decided('received')} AS received,
           ${decided('refused')} AS refused,
           (SELECT count(*)::int FROM intake_record s JOIN take_charge_proposal p ON p.intake_id = s.id AND ${visible(actor, TAKE_CHARGE_PROPOSAL, 'p', { via: 's' })}
             WHERE p.source_office_id = ${officeId} AND ${during('p.created_at')} AND ${visible(actor, INTAKE_RECORD, 's')}) AS proposals
      FROM intake_record r
     WHERE r.deleted_at IS NULL AND r.access_date BETWEEN ${from}::date AND ${to}::date
       AND ${visibleInOffice(actor, 'intakeRecords.find', INTAKE_RECORD, 'r', officeId)}`.execute(tx);
  const c = r.rows[0]!;
  return { officeId, from, to, ...c };
}
