/**
 * The same reads as the handlers, in raw SQL run with the pg driver: the operator's scope written
 * plainly (`r.office_id = $office`, the desk operator's office scope) instead of `visibleTo`'s
 * scope-or-grant predicate and the desk-exclusion check, no masking, no audit, no output schema.
 * Same round trips as the handlers: the list is rows + people + proposal statuses (intake-find.ts).
 */
import type pg from 'pg';

export interface Compiled {
  sql: string;
  parameters: unknown[];
}

/** The page of a desk's list for a period (intakeRecords.find rows query, modules/intake/intake-find.ts). */
export function listRows(officeId: string, from: string, to: string, limit = 50): Compiled {
  return {
    sql: `SELECT r.id, r.number, r.access_date, r.status, r.office_id,
                 (SELECT o.name FROM office o WHERE o.id = r.office_id) AS office_name,
                 (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = r.operator_id) AS operator_name,
                 r.access_mode, r.access_reason, r.outcome, r.social_category, r.person_id,
                 (SELECT so.name || ' — ' || se.name FROM intake_transfer t JOIN office so ON so.id = t.source_office_id JOIN ente se ON se.id = t.source_ente_id
                   WHERE t.id = r.received_from) AS received_from_office,
                 r.updated_at, r.version, r.office_id = $1 AS can_update
            FROM intake_record r
           WHERE r.deleted_at IS NULL AND r.office_id = $1 AND r.access_date >= $2::date AND r.access_date <= $3::date
           ORDER BY r.access_date DESC, r.id DESC
           LIMIT ${limit + 1}`,
    parameters: [officeId, from, to],
  };
}

export function peopleOf(ids: string[]): Compiled {
  return {
    sql: `SELECT p.id, p.anonymous_code, p.fiscal_code, p.fiscal_code_kind, p.surname, p.name, p.birth_date, p.date_of_death, p.version, e.name AS ente_name
            FROM person p JOIN ente e ON e.id = p.ente_id WHERE p.id = ANY($1::uuid[])`,
    parameters: [ids],
  };
}

export function proposalStatusOf(ids: string[]): Compiled {
  return {
    sql: `SELECT DISTINCT ON (intake_id) intake_id, status FROM take_charge_proposal WHERE intake_id = ANY($1::uuid[]) ORDER BY intake_id, created_at DESC`,
    parameters: [ids],
  };
}

/** The list as the handler reads it: rows, then the people and proposal statuses of the page. */
export async function rawList(client: pg.Pool | pg.PoolClient, officeId: string, from: string, to: string): Promise<string[]> {
  const c = listRows(officeId, from, to);
  const rows = (await client.query<{ id: string; person_id: string | null }>(c.sql, c.parameters)).rows.slice(0, 50);
  const people = [...new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
  if (people.length > 0) {
    const p = peopleOf(people);
    await client.query(p.sql, p.parameters);
  }
  if (rows.length > 0) {
    const q = proposalStatusOf(rows.map((r) => r.id));
    await client.query(q.sql, q.parameters);
  }
  return rows.map((r) => r.id);
}

/** The home's second list: the desk's incomplete schede, newest first (the same rows query, status filter). */
export function incompleteRows(officeId: string, limit = 50): Compiled {
  const c = listRows(officeId, '1900-01-01', '2999-12-31', limit);
  return {
    sql: c.sql.replace('AND r.access_date >= $2::date AND r.access_date <= $3::date', "AND r.status = 'incomplete'"),
    parameters: [officeId],
  };
}

/** The pending sends to the desk (selectTransfers in modules/intake/transfers/transfer-repo.ts). */
export function receivedRows(officeId: string): Compiled {
  return {
    sql: `SELECT t.id, t.source_intake_id, t.source_ambito_id, t.source_ente_id, t.source_office_id, t.dest_ambito_id, t.dest_ente_id,
                 t.dest_office_id, t.snapshot, t.message, t.sent_by, t.sent_at, t.sent_at::text AS sent_key, t.status, t.received_intake_id, t.decided_at,
                 t.refusal_reason, t.version,
                 (SELECT a.name FROM ambito a WHERE a.id = t.source_ambito_id) AS source_ambito_name,
                 (SELECT e.name FROM ente e WHERE e.id = t.source_ente_id) AS source_ente_name,
                 (SELECT o.name FROM office o WHERE o.id = t.source_office_id) AS source_office_name,
                 (SELECT a.name FROM ambito a WHERE a.id = t.dest_ambito_id) AS dest_ambito_name,
                 (SELECT e.name FROM ente e WHERE e.id = t.dest_ente_id) AS dest_ente_name,
                 (SELECT o.name FROM office o WHERE o.id = t.dest_office_id) AS dest_office_name,
                 (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = t.sent_by) AS sent_by_name,
                 (SELECT op.given_name || ' ' || op.family_name FROM operator op WHERE op.id = t.decided_by) AS decided_by_name
            FROM intake_transfer t
           WHERE t.dest_office_id = $1 AND t.status = 'sent'
           ORDER BY t.sent_at DESC, t.id DESC
           LIMIT 50`,
    parameters: [officeId],
  };
}

/** The month's counters (modules/desks/desk-counters-query.ts), one round trip. */
export function counters(officeId: string, from: string, to: string): Compiled {
  const day = (col: string) => `(${col} AT TIME ZONE 'Europe/Rome')::date BETWEEN $2::date AND $3::date`;
  return {
    sql: `WITH s AS (
            SELECT count(*) FILTER (WHERE r.status = 'complete')::int AS complete, count(*) FILTER (WHERE r.status = 'incomplete')::int AS incomplete
              FROM intake_record r
             WHERE r.office_id = $1 AND r.deleted_at IS NULL AND r.access_date BETWEEN $2::date AND $3::date
          ), tr AS (
            SELECT count(*) FILTER (WHERE t.source_office_id = $1 AND ${day('t.sent_at')})::int AS sent,
                   count(*) FILTER (WHERE t.dest_office_id = $1 AND t.status = 'received' AND ${day('t.decided_at')})::int AS received,
                   count(*) FILTER (WHERE t.dest_office_id = $1 AND t.status = 'refused' AND ${day('t.decided_at')})::int AS refused
              FROM intake_transfer t
             WHERE t.source_office_id = $1 OR t.dest_office_id = $1
          ), pr AS (
            SELECT count(*)::int AS proposals FROM take_charge_proposal p WHERE p.source_office_id = $1 AND ${day('p.created_at')}
          )
          SELECT s.complete, s.incomplete, tr.sent, tr.received, tr.refused, pr.proposals FROM s, tr, pr`,
    parameters: [officeId, from, to],
  };
}

/**
 * The desk home's reads (desks.home, modules/desks/actions/desk-home.ts) for a desk operator: the desk
 * configuration, today's and the incomplete schede (each a list: rows, people, proposal statuses), the
 * pending received sends, the month's counters. (The proposals inbox is not the desk operator's.)
 */
export async function rawHome(
  client: pg.Pool | pg.PoolClient,
  officeId: string,
  today: string,
  monthStart: string,
): Promise<{ today: string[]; incomplete: string[]; received: string[] }> {
  await client.query('SELECT * FROM desk_config WHERE office_id = $1', [officeId]);
  const lists: string[][] = [];
  for (const c of [listRows(officeId, today, today), incompleteRows(officeId)]) {
    const rows = (await client.query<{ id: string; person_id: string | null }>(c.sql, c.parameters)).rows.slice(0, 50);
    const people = [...new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
    if (people.length > 0) await client.query(peopleOf(people).sql, [people]);
    if (rows.length > 0) await client.query(proposalStatusOf([]).sql, [rows.map((r) => r.id)]);
    lists.push(rows.map((r) => r.id));
  }
  const received = receivedRows(officeId);
  const sent = (await client.query<{ id: string }>(received.sql, received.parameters)).rows.map((r) => r.id);
  const c = counters(officeId, monthStart, today);
  await client.query(c.sql, c.parameters);
  return { today: lists[0]!, incomplete: lists[1]!, received: sent };
}

/** The home's queries for EXPLAIN. */
export function homeQueries(officeId: string, today: string, monthStart: string): Compiled[] {
  return [listRows(officeId, today, today), incompleteRows(officeId), receivedRows(officeId), counters(officeId, monthStart, today)];
}
