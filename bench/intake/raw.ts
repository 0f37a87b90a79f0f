/**
 * The same reads as the handlers, in raw SQL run with the pg driver: the operator's scope written
 * plainly (`r.office_id = $office`, the desk operator's office scope) instead of `visibleTo`'s
 * scope-or-grant predicate and the desk-exclusion check, no masking, no audit, no output schema.
 * Same round trips as the handlers: a list is one query, its people and proposal statuses as scalar
 * subqueries (intake-find.ts).
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
                 r.updated_at, r.version, r.office_id = $1 AS can_update,
                 (SELECT json_build_object('id', p.id, 'anonymous_code', p.anonymous_code, 'fiscal_code', p.fiscal_code,
                          'fiscal_code_kind', p.fiscal_code_kind, 'surname', p.surname, 'name', p.name, 'birth_date', p.birth_date,
                          'date_of_death', p.date_of_death, 'version', p.version, 'ente_name', (SELECT e.name FROM ente e WHERE e.id = p.ente_id))
                    FROM person p WHERE p.id = r.person_id) AS person,
                 (SELECT tp.status FROM take_charge_proposal tp WHERE tp.intake_id = r.id ORDER BY tp.created_at DESC LIMIT 1) AS proposal_status
            FROM intake_record r
           WHERE r.deleted_at IS NULL AND r.office_id = $1 AND r.access_date >= $2::date AND r.access_date <= $3::date
           ORDER BY r.access_date DESC, r.id DESC
           LIMIT ${limit + 1}`,
    parameters: [officeId, from, to],
  };
}

/** The list as the handler reads it: one query, the people and proposal statuses as scalar subqueries. */
export async function rawList(client: pg.Pool | pg.PoolClient, officeId: string, from: string, to: string): Promise<string[]> {
  const c = listRows(officeId, from, to);
  return (await client.query<{ id: string }>(c.sql, c.parameters)).rows.slice(0, 50).map((r) => r.id);
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
  const during = (col: string) => `${col} >= ($2::date::timestamp AT TIME ZONE 'Europe/Rome') AND ${col} < (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`;
  const decided = (status: string) =>
    `(SELECT count(*)::int FROM intake_transfer t WHERE t.dest_office_id = $1 AND t.status = '${status}' AND ${during('t.decided_at')})`;
  return {
    sql: `SELECT count(*) FILTER (WHERE r.status = 'complete')::int AS complete, count(*) FILTER (WHERE r.status = 'incomplete')::int AS incomplete,
                 (SELECT count(*)::int FROM intake_transfer t WHERE t.source_office_id = $1 AND ${during('t.sent_at')}) AS sent,
                 ${decided('received')} AS received,
                 ${decided('refused')} AS refused,
                 (SELECT count(*)::int FROM take_charge_proposal p WHERE p.source_office_id = $1 AND ${during('p.created_at')}) AS proposals
            FROM intake_record r
           WHERE r.office_id = $1 AND r.deleted_at IS NULL AND r.access_date BETWEEN $2::date AND $3::date`,
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
    lists.push((await client.query<{ id: string }>(c.sql, c.parameters)).rows.slice(0, 50).map((r) => r.id));
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
