import { sql, type RawBuilder } from 'kysely';
import type { Actor } from './actor.js';
import { SCOPE_MARKER } from './scope-guard.js';

/**
 * "Visible = profile scope OR an active access grant" (architecture: scope, grants and masking),
 * as one SQL predicate over a tenant table aliased `alias` (columns id, ambito_id, ente_id, office_id,
 * created_by). Every module's repository puts it in every query: get, find, counts and exports alike,
 * so a record outside both is simply not there (404 on get, absent from lists and totals).
 *
 * `own` covers records the operator created; modules with case managers or teams widen it through
 * grants (team membership is a grant), never by a second code path.
 */
export function visibleTo(actor: Actor, permission: string, recordKind: string, alias: string): RawBuilder<boolean> {
  const c = actor.context;
  if (!c || !actor.permissions.has(permission)) return sql<boolean>`${sql.raw(SCOPE_MARKER)} false`;
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const byScope = (() => {
    switch (actor.scopes[permission]) {
      case 'ambito':
        return sql`${col('ambito_id')} = ${c.ambitoId}`;
      case 'ente':
        return sql`${col('ente_id')} = ${c.enteId}`;
      case 'office':
        return sql`${col('office_id')} = ${c.officeId}`;
      case 'own':
        return sql`${col('created_by')} = ${actor.operatorId}`;
      // Region-aggregate and installation profiles read counts through dedicated aggregate
      // paths with small-count suppression, never records (architecture: regional profiles).
      default:
        return sql`false`;
    }
  })();
  // `id = ANY(ARRAY(subquery))` rather than EXISTS: the grant list becomes one parameter computed once,
  // so PostgreSQL can combine an index on the scope column with the primary key (BitmapOr) instead of
  // testing the subquery row by row (measured in bench/access).
  return sql<boolean>`${sql.raw(SCOPE_MARKER)} (${byScope} OR ${col('id')} = ANY(ARRAY(
    SELECT g.record_id FROM access_grant g
     WHERE g.record_kind = ${recordKind}
       AND ${grantedToActor(actor, c)})))`;
}

/**
 * An access grant `g` that is in force today and names this actor, their office or their ente
 * (architecture: "Access grants"). The one definition every grant lookup uses.
 */
export function grantedToActor(actor: Pick<Actor, 'operatorId'>, c: { officeId: string; enteId: string }): RawBuilder<boolean> {
  return sql<boolean>`g.revoked_at IS NULL AND g.valid_from <= current_date AND (g.valid_to IS NULL OR g.valid_to >= current_date)
       AND ((g.subject_kind = 'operator' AND g.subject_id = ${actor.operatorId})
         OR (g.subject_kind = 'office' AND g.subject_id = ${c.officeId})
         OR (g.subject_kind = 'ente' AND g.subject_id = ${c.enteId}))`;
}

/**
 * Offices whose items inside a record are hidden from this actor: a grant made with `hideInfoFrom`
 * shares the record but not what the granting office wrote in it (product brief: "nascondi
 * informazioni"). Applies only when the actor sees the record through that grant alone.
 */
export function hiddenOfficesSql(actor: Actor, recordKind: string, recordIdRef: RawBuilder<unknown>): RawBuilder<string[]> {
  const c = actor.context;
  if (!c) return sql<string[]>`ARRAY[]::uuid[]`;
  return sql<string[]>`ARRAY(
    SELECT g.hide_info_from_office FROM access_grant g
     WHERE g.record_kind = ${recordKind} AND g.record_id = ${recordIdRef} AND g.hide_info_from_office IS NOT NULL
       AND ${grantedToActor(actor, c)})`;
}

/**
 * `visibleTo` restricted to one office (`alias.office_id = officeId`), for lists of one desk. When the
 * office is the actor's CURRENT one and their scope is office, ente or ambito, the scope holds for
 * every record of it (the office belongs to the context's ente and ambito): the grant lookup can add
 * nothing, and its OR would keep PostgreSQL from walking an index in the list's order (bench/intake:
 * the desk's incomplete schede read 1,400 rows to return 50), so the office filter alone is the
 * predicate. Any other office or scope gets the full `visibleTo` AND the office filter.
 */
export function visibleInOffice(actor: Actor, permission: string, recordKind: string, alias: string, officeId: string): RawBuilder<boolean> {
  const c = actor.context;
  const scope = actor.scopes[permission];
  const inOffice = sql<boolean>`${sql.ref(`${alias}.office_id`)} = ${officeId}`;
  if (c?.officeId === officeId && actor.permissions.has(permission) && (scope === 'office' || scope === 'ente' || scope === 'ambito')) {
    return sql<boolean>`${sql.raw(SCOPE_MARKER)} ${inOffice}`;
  }
  return sql<boolean>`(${visibleTo(actor, permission, recordKind, alias)} AND ${inOffice})`;
}
