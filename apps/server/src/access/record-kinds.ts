import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { Actor } from './actor.js';
import { visibleTo } from './visibility.js';

/**
 * Record kinds that can be shared (grants) and opened (break-the-glass): each module registers its
 * own (`cases` → table case_file, read permission `cases.get`…) when it is imported. A kind nobody
 * registered answers 404 like an invisible record.
 */
export interface RecordKind {
  table: string;
  /** The permission whose scope decides who sees a record of this kind. */
  readPermission: string;
}

const kinds = new Map<string, RecordKind>();

export function registerRecordKind(kind: string, def: RecordKind): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(def.table)) throw new Error(`invalid table name ${def.table}`);
  kinds.set(kind, def);
}

/** Tables guarded by the scope guard: those of every registered record kind. */
export function protectedTables(): ReadonlySet<string> {
  return new Set([...kinds.values()].map((k) => k.table));
}

export function recordKind(kind: string): RecordKind | undefined {
  return kinds.get(kind);
}

/** The tenant columns of a visible record, or null (not registered, missing or outside scope). */
export async function visibleRecord(
  db: Kysely<DB>,
  actor: Actor,
  kind: string,
  id: string,
): Promise<{ ambitoId: string; enteId: string; officeId: string } | null> {
  const def = kinds.get(kind);
  if (!def) return null;
  const r = await sql<{ ambito_id: string; ente_id: string; office_id: string }>`
    SELECT r.ambito_id, r.ente_id, r.office_id FROM ${sql.table(def.table)} AS r
     WHERE r.id = ${id} AND ${visibleTo(actor, def.readPermission, kind, 'r')}`.execute(db);
  const row = r.rows[0];
  return row ? { ambitoId: row.ambito_id, enteId: row.ente_id, officeId: row.office_id } : null;
}
