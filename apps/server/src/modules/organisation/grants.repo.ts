import type { GrantView } from '@siso/shared';
import { sql, type Selectable } from 'kysely';
import { abilitiesFor } from '../../access/abilities.js';
import { grantedToActor, visibleRecord, writableBy } from '../../access/visibility.js';
import { recordKind } from '../../access/record-kinds.js';
import type { AccessGrant } from '../../db/types.js';
import type { Tx } from '../../db/transaction.js';
import type { ContextActor } from './require-actor.js';

/**
 * Whether the granter sees the record, and where it lives. Modules register their record kinds in
 * access/record-kinds.ts (scope OR grant, the same predicate as their reads). Until they exist
 * (no case, intake or delivery tables yet) the only way to see a record is an active grant held by the
 * granter — as operator, office or ente — so a record is re-shared only by who received it; an unknown
 * record answers 404. LIMITATION: records a granter sees by profile scope alone cannot be shared until
 * their module registers its kind.
 */
export async function recordSeenBy(tx: Tx, actor: ContextActor, kind: string, id: string): Promise<{ ambitoId: string; enteId: string } | null> {
  const registered = await visibleRecord(tx, actor, kind, id);
  if (registered) return registered;
  const c = actor.context;
  const held = await sql<{ ambito_id: string; ente_id: string }>`
    SELECT g.ambito_id, g.ente_id FROM access_grant g
     WHERE g.record_kind = ${kind} AND g.record_id = ${id}
       AND ${grantedToActor(actor, c)}
     LIMIT 1`.execute(tx);
  const row = held.rows[0];
  return row ? { ambitoId: row.ambito_id, enteId: row.ente_id } : null;
}

/**
 * The permission that writes a record of each kind that can be shared (issue 11, point 1): sharing
 * "with writing" is given only by who may write the record by it — its scope, or a write grant in force.
 */
const writePermissionOf: Partial<Record<string, string>> = {
  person: 'persons.update',
  protectedPerson: 'persons.update',
  intakeRecord: 'intakeRecords.update',
};

/**
 * Whether the actor may write the record: a registered kind by the write rule of its permission
 * (visibility.ts, scope OR write grant); a kind whose module does not exist yet (case, delivery) only
 * through a write grant the actor holds.
 */
export async function recordWritableBy(tx: Tx, actor: ContextActor, kind: string, id: string): Promise<boolean> {
  const rule = recordKind(kind);
  const permission = writePermissionOf[kind];
  if (rule && permission) {
    const r = await sql<{ id: string }>`SELECT r.id FROM ${sql.table(rule.table)} AS r WHERE r.id = ${id} AND ${writableBy(actor, kind, 'r', permission)}`.execute(tx);
    return r.rows.length > 0;
  }
  if (rule) return false;
  const held = await sql<{ id: string }>`
    SELECT g.id FROM access_grant g
     WHERE g.record_kind = ${kind} AND g.record_id = ${id} AND g.can_write AND ${grantedToActor(actor, actor.context)}
     LIMIT 1`.execute(tx);
  return held.rows.length > 0;
}

/** Grants the actor may revoke, by the scope of grants.revoke: own → those they made; office/ente → their ente's; ambito → their ambito's. */
export function revocableBy(actor: ContextActor, g: Selectable<AccessGrant>): boolean {
  switch (actor.scopes['grants.revoke']) {
    case 'own':
      return g.granted_by === actor.operatorId;
    case 'office':
    case 'ente':
      return g.ente_id === actor.context.enteId;
    case 'ambito':
      return g.ambito_id === actor.context.ambitoId;
    case 'installation':
      return true;
    default:
      return false;
  }
}

export function presentGrant(actor: ContextActor, g: Selectable<AccessGrant>): GrantView {
  return {
    id: g.id, recordKind: g.record_kind as GrantView['recordKind'], recordId: g.record_id, subjectKind: g.subject_kind as GrantView['subjectKind'],
    subjectId: g.subject_id, purpose: g.purpose, validFrom: g.valid_from, validTo: g.valid_to,
    hideInfoFrom: g.hide_info_from_office, canWrite: g.can_write, grantedBy: g.granted_by, createdAt: g.created_at.toISOString(), revokedAt: g.revoked_at?.toISOString() ?? null,
    abilities: abilitiesFor(actor, ['grants.revoke'], () => g.revoked_at === null && revocableBy(actor, g)),
  };
}

/** Whether the subject works in the ambito: an operator with an assignment valid today there, an office or an ente of it. */
export async function subjectInAmbito(tx: Tx, kind: 'operator' | 'office' | 'ente', id: string, ambitoId: string): Promise<boolean> {
  const r =
    kind === 'operator'
      ? await sql`SELECT 1 FROM assignment a WHERE a.operator_id = ${id} AND a.ambito_id = ${ambitoId}
                   AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date)`.execute(tx)
      : await sql`SELECT 1 FROM ${sql.table(kind)} t WHERE t.id = ${id} AND t.ambito_id = ${ambitoId}`.execute(tx);
  return r.rows.length > 0;
}

export async function subjectExists(tx: Tx, kind: 'operator' | 'office' | 'ente', id: string): Promise<boolean> {
  const table = kind === 'operator' ? 'operator' : kind === 'office' ? 'office' : 'ente';
  const r = await tx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  return r !== undefined;
}

