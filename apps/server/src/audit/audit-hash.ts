import crypto from 'node:crypto';

/** The first link of every chain points at this value. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashableAuditRow {
  seq: number | string;
  chain_key: string;
  occurred_at: Date | string;
  action: string;
  outcome: string;
  error_code: string | null;
  operator_id: string | null;
  ambito_id: string | null;
  ente_id: string | null;
  office_id: string | null;
  profiles: string[];
  request_id: string | null;
  client_ip: string | null;
  subject_people: string[];
  targets: unknown;
  classes_read: string[];
  classes_changed: string[];
  purpose: string | null;
  details: unknown;
}

/** Stable JSON: object keys sorted, so the same row always hashes to the same value. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** hash_n = SHA-256(hash_{n-1} ‖ position ‖ canonical row): deleting, editing or reordering breaks it. */
export function linkHash(prevHash: string, chainPos: number, row: HashableAuditRow): string {
  // Only the audit row's own columns: a query that joins more (the seal, say) must hash the same.
  const content = canonical({
    seq: String(row.seq),
    chain_key: row.chain_key,
    occurred_at: new Date(row.occurred_at).toISOString(),
    action: row.action,
    outcome: row.outcome,
    error_code: row.error_code,
    operator_id: row.operator_id,
    ambito_id: row.ambito_id,
    ente_id: row.ente_id,
    office_id: row.office_id,
    profiles: row.profiles,
    request_id: row.request_id,
    client_ip: row.client_ip,
    subject_people: row.subject_people,
    targets: row.targets,
    classes_read: row.classes_read,
    classes_changed: row.classes_changed,
    purpose: row.purpose,
    details: row.details,
  } satisfies Record<keyof HashableAuditRow, unknown>);
  return crypto.createHash('sha256').update(`${prevHash}\n${chainPos}\n${content}`).digest('hex');
}
