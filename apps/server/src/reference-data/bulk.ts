/**
 * Set-based upsert through `unnest` arrays: one statement per batch of a few thousand rows
 * (never one query per row), which keeps the whole load within seconds on PGlite too.
 */
import type pg from 'pg';

export interface BulkColumn {
  name: string;
  /** Element type of the array parameter: 'text', 'int', 'smallint', 'date', 'boolean'. */
  type: string;
  /** Optional cast applied after unnest, e.g. 'jsonb' (sent as text). */
  cast?: string;
}

export interface BulkTable {
  table: string;
  columns: readonly BulkColumn[];
  key: readonly string[];
}

export const BATCH_SIZE = 5000;

const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return name;
}

/** INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE, touching only rows that changed. */
export function upsertSql(t: BulkTable): string {
  const cols = t.columns.map((c) => ident(c.name));
  const params = t.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const select = t.columns.map((c) => (c.cast ? `u.${c.name}::${c.cast}` : `u.${c.name}`)).join(', ');
  const rest = cols.filter((c) => !t.key.includes(c));
  const table = ident(t.table);
  return (
    `INSERT INTO ${table} (${cols.join(', ')}) ` +
    `SELECT ${select} FROM unnest(${params}) AS u(${cols.join(', ')}) ` +
    `ON CONFLICT (${t.key.map(ident).join(', ')}) DO UPDATE SET ` +
    rest.map((c) => `${c} = EXCLUDED.${c}`).join(', ') +
    // Skipping identical rows avoids dead tuples when a forced reload changes nothing.
    ` WHERE (${rest.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${rest.map((c) => `EXCLUDED.${c}`).join(', ')})`
  );
}

/** Upserts `rows` (each an array in column order) in batches. */
export async function bulkUpsert(client: pg.PoolClient, t: BulkTable, rows: readonly unknown[][]): Promise<void> {
  const sql = upsertSql(t);
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    const arrays = t.columns.map((_, i) => batch.map((r) => r[i] ?? null));
    await client.query(sql, arrays);
  }
}

/** Throws when two rows share a key (ON CONFLICT cannot touch the same row twice). */
export function assertUniqueKeys(file: string, t: BulkTable, rows: readonly unknown[][]): void {
  const idx = t.key.map((k) => t.columns.findIndex((c) => c.name === k));
  const seen = new Set<string>();
  for (const r of rows) {
    const k = JSON.stringify(idx.map((i) => r[i]));
    if (seen.has(k)) throw new Error(`${file}: duplicate key ${t.key.join(',')} = ${k}`);
    seen.add(k);
  }
}
