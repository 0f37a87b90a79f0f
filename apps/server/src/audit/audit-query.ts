import { sql, type Kysely } from 'kysely';
import type { AuditFilters, AuditItem } from '@siso/shared';
import type { DB } from '../db/types.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One joined audit row, as find and export read it. */
export interface AuditRow {
  seq: number;
  occurred_at: Date;
  action: string;
  outcome: string;
  error_code: string | null;
  operator_id: string | null;
  username: string | null;
  given_name: string | null;
  family_name: string | null;
  ente_name: string | null;
  office_name: string | null;
  profiles: string[];
  subject_people: string[];
  targets: unknown;
  classes_read: string[];
  classes_changed: string[];
  purpose: string | null;
  request_id: string | null;
  chain_pos: number | null;
}

/**
 * The audit rows one chain shows, filtered (access issue, "audit.find"). The chain is the reader's
 * ambito: a DPO never sees another ambito nor the installation chain (GDPR art. 37-39: the DPO of the
 * controller, here the ambito). Days are Europe/Rome days.
 */
export function auditQuery(db: Kysely<DB>, chainKey: string, f: AuditFilters) {
  let q = db
    .selectFrom('audit_event as e')
    .leftJoin('operator as o', 'o.id', 'e.operator_id')
    .leftJoin('ente as en', 'en.id', 'e.ente_id')
    .leftJoin('office as of', 'of.id', 'e.office_id')
    .leftJoin('audit_seal as s', 's.seq', 'e.seq')
    .select([
      'e.seq', 'e.occurred_at', 'e.action', 'e.outcome', 'e.error_code', 'e.operator_id', 'o.username', 'o.given_name', 'o.family_name',
      'en.name as ente_name', 'of.name as office_name', 'e.profiles', 'e.subject_people', 'e.targets', 'e.classes_read',
      'e.classes_changed', 'e.purpose', 'e.request_id', 's.chain_pos',
    ])
    .where('e.chain_key', '=', chainKey);
  if (f.operator) {
    // A username names at most one operator (unique on lower(username)): as a scalar the planner can walk
    // that operator's rows newest first on audit_event_operator_idx (operator_id, seq).
    q = UUID_RE.test(f.operator)
      ? q.where('e.operator_id', '=', f.operator)
      : q.where(sql<boolean>`e.operator_id = (SELECT o2.id FROM operator o2 WHERE lower(o2.username) = lower(${f.operator}))`);
  }
  // A person's rows, and one record's, are first collected on their GIN index, then read newest first
  // by seq. As a plain predicate the planner, unable to estimate one uuid among millions, walked the
  // chain backwards from the newest row hoping to meet the person soon: the whole log for someone with
  // few rows ("who read my file", 1.2 s at 2 million rows; bench/access). Now the cost follows the
  // person's own rows.
  if (f.person) {
    q = q.where(sql<boolean>`e.seq = ANY (ARRAY(SELECT p.seq FROM audit_event p
      WHERE p.subject_people @> ARRAY[${f.person}]::uuid[] AND p.chain_key = ${chainKey}))`);
  }
  if (f.recordKind || f.recordId) {
    const target = { ...(f.recordKind ? { kind: f.recordKind } : {}), ...(f.recordId ? { id: f.recordId } : {}) };
    // A kind alone matches a large share of the log: a plain filter then, read newest first.
    q = f.recordId
      ? q.where(sql<boolean>`e.seq = ANY (ARRAY(SELECT p.seq FROM audit_event p
          WHERE p.targets @> ${JSON.stringify([target])}::jsonb AND p.chain_key = ${chainKey}))`)
      : q.where(sql<boolean>`e.targets @> ${JSON.stringify([target])}::jsonb`);
  }
  if (f.action) {
    // "auth." is a prefix (every action of the module); anything else is one action. The contract
    // allows only letters, digits and dots, so no LIKE wildcard can slip in.
    q = f.action.endsWith('.') ? q.where('e.action', 'like', `${f.action}%`) : q.where('e.action', '=', f.action);
  }
  if (f.outcome) q = q.where('e.outcome', '=', f.outcome);
  if (f.from) q = q.where(sql<boolean>`e.occurred_at >= (${f.from}::date::timestamp AT TIME ZONE 'Europe/Rome')`);
  if (f.to) q = q.where(sql<boolean>`e.occurred_at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`);
  return q;
}


export function presentAuditRow(r: AuditRow): AuditItem {
  const targets = (Array.isArray(r.targets) ? r.targets : []) as Array<{ kind?: unknown; id?: unknown }>;
  return {
    seq: Number(r.seq),
    time: new Date(r.occurred_at).toISOString(),
    action: r.action,
    outcome: r.outcome as AuditItem['outcome'],
    errorCode: r.error_code,
    operator: r.operator_id && r.username ? { id: r.operator_id, username: r.username, name: `${r.given_name ?? ''} ${r.family_name ?? ''}`.trim() } : null,
    enteName: r.ente_name,
    officeName: r.office_name,
    profiles: r.profiles,
    subjects: r.subject_people,
    targets: targets.map((t) => ({ kind: String(t.kind ?? ''), id: String(t.id ?? '') })),
    classesRead: r.classes_read,
    classesChanged: r.classes_changed,
    purpose: r.purpose,
    requestId: r.request_id,
    sealed: r.chain_pos !== null,
    chainPos: r.chain_pos === null ? null : Number(r.chain_pos),
  };
}
