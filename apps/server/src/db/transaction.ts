import type { Kysely, Transaction } from 'kysely';
import type { DB } from './types.js';

export type Tx = Transaction<DB>;

/**
 * Runs `fn` in one transaction: everything it writes commits together or not at all (wire contract:
 * "a crash mid-request leaves nothing half-written"). Query actions run READ ONLY, so they cannot
 * write even by mistake (one `START TRANSACTION READ ONLY`, no extra round trip).
 */
export async function withTransaction<T>(
  db: Kysely<DB>,
  fn: (tx: Tx) => Promise<T>,
  opts: { readOnly?: boolean } = {},
): Promise<T> {
  const builder = db.transaction();
  return (opts.readOnly ? builder.setAccessMode('read only') : builder).execute(fn);
}
