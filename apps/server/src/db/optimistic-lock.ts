import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../http/app-error.js';
import type { Tx } from './transaction.js';

/**
 * Optimistic locking (wire contract): the client sends back the `version` it read; the update
 * applies only if nobody changed the row since, and bumps the version. A stale version is 409
 * `conflict`; a row that does not exist (or is not visible) is 404 `not_found`. On a table of a record
 * kind, `rule` is the write rule of the visibility module over the table's own name as alias.
 */
export async function updateVersioned<T extends Record<string, unknown>>(
  tx: Tx,
  table: string,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
  rule?: RawBuilder<boolean>,
): Promise<T> {
  const sets = Object.entries(values).map(([col, v]) => sql`${sql.ref(col)} = ${v}`);
  const result = await sql<T>`
    UPDATE ${sql.table(table)}
       SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`])}
     WHERE id = ${id} AND version = ${expectedVersion} ${rule ? sql`AND ${rule}` : sql``}
     RETURNING *`.execute(tx);
  const row = result.rows[0];
  if (row) return row;
  // The caller found the row visible and writable before: a miss now is a stale version unless the row is gone.
  const exists = rule ? await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${id} AND ${rule}`.execute(tx) : await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${id}`.execute(tx);
  throw new AppError(exists.rows.length > 0 ? 'conflict' : 'not_found');
}
