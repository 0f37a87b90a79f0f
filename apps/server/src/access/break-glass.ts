import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { Actor } from './actor.js';
import type { FieldClass } from './field-classes.js';

/**
 * The classes readable on one record: the profile's (∩ office type; or a narrower `base` a module
 * computed, e.g. the desk's masking profile) plus those opened by an active break-the-glass of this
 * operator on this record. Repositories call this on get paths.
 */
export async function effectiveReadable(
  db: Kysely<DB>,
  actor: Actor,
  kind: string,
  id: string,
  base: ReadonlySet<FieldClass> = actor.readable,
): Promise<Set<FieldClass>> {
  const opened = await sql<{ classes: FieldClass[] }>`
    SELECT classes FROM break_glass
     WHERE operator_id = ${actor.operatorId} AND record_kind = ${kind} AND record_id = ${id} AND expires_at > now()`.execute(db);
  const readable = new Set(base);
  for (const r of opened.rows) for (const c of r.classes) readable.add(c);
  return readable;
}
