import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Owners } from './owner-ids.js';

/**
 * The write check, two ways:
 * - a database snapshot of every row of the personal tables that is, or points at, an owners'
 *   record (a row an attacker adds that points at the owners' person counts too);
 * - the owners re-reading every record (and its children: notes, requests, files, consents, history)
 *   through the API.
 * Both are taken before the attack and after each attacker; any difference is a write.
 */
type Rows = Map<string, string>;

function predicates(o: Owners) {
  const P = o.persons.map((p) => p.id);
  const I = o.intakes.map((i) => i.id);
  const SR = o.serviceRequests.map((s) => s.id);
  const G = o.groups.map((g) => g.id);
  const all = [...P, ...I, ...SR, ...o.notes, ...o.attachments, ...o.notices, ...o.consents, ...o.transfers.map((t) => t.id), ...o.proposals.map((p) => p.id), ...G];
  const u = (xs: string[]) => sql`ANY(${xs}::uuid[])`;
  return {
    person: sql`id = ${u(P)}`,
    person_address: sql`person_id = ${u(P)}`,
    person_alias: sql`person_id = ${u(P)}`,
    person_history: sql`person_id = ${u(P)}`,
    person_merge: sql`survivor_id = ${u(P)} OR merged_id = ${u(P)}`,
    household_group: sql`id = ${u(G)} OR owner_person_id = ${u(P)}`,
    household_member: sql`group_id = ${u(G)} OR person_id = ${u(P)}`,
    intake_record: sql`id = ${u(I)} OR person_id = ${u(P)}`,
    intake_note: sql`intake_id = ${u(I)} OR id = ${u(o.notes)}`,
    service_request: sql`id = ${u(SR)} OR intake_id = ${u(I)}`,
    attachment: sql`id = ${u(o.attachments)} OR owner_id = ${u([...SR, ...o.notices])}`,
    privacy_notice: sql`id = ${u(o.notices)} OR person_id = ${u(P)} OR intake_id = ${u(I)}`,
    consent: sql`id = ${u(o.consents)} OR person_id = ${u(P)}`,
    intake_transfer: sql`source_intake_id = ${u(I)} OR received_intake_id = ${u(I)} OR source_person_id = ${u(P)}`,
    take_charge_proposal: sql`intake_id = ${u(I)} OR person_id = ${u(P)}`,
    access_grant: sql`id = ${u(o.grants)} OR record_id = ${u(all)}`,
    break_glass: sql`id = ${u(o.breakGlass)} OR record_id = ${u(all)}`,
    alert: sql`id = ${u(o.alerts)} OR link_id = ANY(${all}::text[])`,
    desk_config: sql`office_id = ${u(o.officeIds)}`,
  };
}

export async function dbSnapshot(db: Kysely<DB>, o: Owners): Promise<Rows> {
  const rows: Rows = new Map();
  for (const [table, where] of Object.entries(predicates(o))) {
    const r = await sql<{ row: Record<string, unknown> }>`SELECT to_jsonb(t) AS row FROM ${sql.table(table)} t WHERE ${where}`.execute(db);
    for (const { row } of r.rows) rows.set(`${table} ${String(row.id ?? row.office_id)}`, JSON.stringify(row));
  }
  return rows;
}

/**
 * What changed between two snapshots: rows added, removed, and the columns of rows changed. `allowed`
 * names the rows an attacker may add by design (a grantee re-sharing or breaking the glass on the
 * record it was granted).
 */
export function snapshotDiff(before: Rows, after: Rows, allowed: (table: string, row: Record<string, unknown>) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const [key, row] of after) {
    const was = before.get(key);
    if (was === undefined && allowed(key.split(' ')[0]!, JSON.parse(row) as Record<string, unknown>)) continue;
    if (was === undefined) out.push(`row added: ${key} ${row.slice(0, 300)}`);
    else if (was !== row) {
      const [a, b] = [JSON.parse(was) as Record<string, unknown>, JSON.parse(row) as Record<string, unknown>];
      const cols = Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
      out.push(`row changed: ${key} (${cols.map((c) => `${c}: ${JSON.stringify(a[c])?.slice(0, 80)} → ${JSON.stringify(b[c])?.slice(0, 80)}`).join('; ')})`);
    }
  }
  for (const key of before.keys()) if (!after.has(key)) out.push(`row removed: ${key}`);
  return out;
}

/**
 * The owners' own reading of every record through the API: the sector head reads the whole ente
 * (people, histories, households, privacy, schede with their notes, requests, files, transfers and
 * proposal; proposals); desk and social worker read their transfer boxes.
 */
export async function apiSnapshot(o: Owners): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const read = async (who: keyof Owners['clients'], action: string, input: Record<string, unknown>) => {
    const r = await o.clients[who].callRaw(action, input);
    const { requestId: _id, ...body } = (r.body ?? {}) as Record<string, unknown>;
    out.set(`${who} ${action} ${JSON.stringify(input)}`, `${r.status} ${JSON.stringify(body)}`);
  };
  for (const p of o.persons) {
    await read('responsabile', 'persons.get', { id: p.id });
    await read('responsabile', 'persons.history', { id: p.id, limit: 200 });
    await read('responsabile', 'households.get', { personId: p.id });
    await read('responsabile', 'consents.get', { personId: p.id });
  }
  for (const i of o.intakes) await read('responsabile', 'intakeRecords.get', { id: i.id });
  for (const p of o.proposals) await read('responsabile', 'proposals.get', { id: p.id });
  for (const who of ['sportello', 'assistente'] as const) {
    for (const direction of ['sent', 'received']) await read(who, 'intakeTransfers.find', { direction, limit: 200 });
  }
  return out;
}

export function apiDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, was] of before) {
    const now = after.get(k) ?? '';
    if (now === was) continue;
    const split = (v: string) => [v.slice(0, v.indexOf(' ')), JSON.parse(v.slice(v.indexOf(' ') + 1)) as Record<string, unknown>] as const;
    const [[s1, b1], [s2, b2]] = [split(was), split(now)];
    const keys = [...new Set([...Object.keys(b1), ...Object.keys(b2)])].filter((f) => JSON.stringify(b1[f]) !== JSON.stringify(b2[f]));
    out.push(`${k}: HTTP ${s1} → ${s2}; ${keys.map((f) => `${f}: ${JSON.stringify(b1[f])?.slice(0, 120)} → ${JSON.stringify(b2[f])?.slice(0, 120)}`).join('; ')}`);
  }
  return out;
}
