import { sql, type RawBuilder } from 'kysely';
import type { ContextActor } from '../organisation/require-actor.js';
import type { DeskSettings } from '../intake/desk-access.js';

/**
 * Where a privacy notice counts: the actor's ente (the data controller, GDPR art. 4(7)), or only the
 * actor's desk when the desk is configured to collect its own notice (issue 5, point 3, "per ente and
 * per desk where configured").
 */
export interface NoticeScope {
  enteId: string;
  /** The desk the notice is recorded for; null = valid for the whole ente. */
  deskOfficeId: string | null;
}

export function noticeScopeOf(actor: ContextActor, settings: Pick<DeskSettings, 'privacyPerDesk'>): NoticeScope {
  return { enteId: actor.context.enteId, deskOfficeId: settings.privacyPerDesk ? actor.context.officeId : null };
}

/** SQL predicate on a privacy_notice alias for the scope. */
export function inNoticeScope(scope: NoticeScope, alias: string): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return scope.deskOfficeId
    ? sql<boolean>`(${col('ente_id')} = ${scope.enteId} AND ${col('desk_office_id')} = ${scope.deskOfficeId})`
    : sql<boolean>`${col('ente_id')} = ${scope.enteId}`;
}

/**
 * `inNoticeScope(noticeScopeOf(actor, <the actor's desk settings>), alias)` decided inside the query —
 * the desk's `privacy_per_desk` read where it is used — for reads that have not loaded the desk's
 * settings (the scheda's view: one round trip).
 */
export function inActorNoticeScope(actor: ContextActor, alias: string): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const { enteId, officeId } = actor.context;
  return sql<boolean>`(${col('ente_id')} = ${enteId} AND (${col('desk_office_id')} = ${officeId}
      OR NOT coalesce((SELECT dc.privacy_per_desk FROM desk_config dc WHERE dc.office_id = ${officeId}), false)))`;
}
