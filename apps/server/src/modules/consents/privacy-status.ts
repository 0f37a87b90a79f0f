import { sql, type Kysely } from 'kysely';
import type { PrivacyStatus } from '@siso/shared';
import type { DB } from '../../db/types.js';
import { visible } from '../../access/visibility.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { PERSON } from '../persons/person-kinds.js';
import { deskSettingsOf, type DeskSettings } from '../intake/desk-access.js';
import { inNoticeScope, noticeScopeOf, type NoticeScope } from './notice-scope.js';

/**
 * Privacy status for the actor's ente (and desk where configured) of each person (search results,
 * schede), in one query for the page: `signed` when a notice was given, `anonymous` for an anonymous
 * person without one (nothing to sign against yet), else `not_signed`. People the actor cannot see
 * (neither in the registry nor through a scheda) are left out.
 */
export async function privacyStatusOf(
  db: Kysely<DB>,
  actor: ContextActor,
  personIds: readonly string[],
  /** The current desk's settings when the caller has them already (configuration read once per request). */
  deskSettings?: DeskSettings,
): Promise<Map<string, PrivacyStatus>> {
  const out = new Map<string, PrivacyStatus>();
  if (personIds.length === 0) return out;
  const scope = noticeScopeOf(actor, deskSettings ?? (await deskSettingsOf(db, actor.context.officeId)));
  // The notices are read with their person as seen here (`via`: a person seen through a scheda too).
  const r = await sql<{ id: string; anonymous: boolean; signed: boolean }>`
    SELECT p.id, p.anonymous, count(n.id) > 0 AS signed
      FROM person p
      LEFT JOIN privacy_notice n ON n.person_id = p.id AND ${inNoticeScope(scope, 'n')} AND ${visible(actor, 'privacyNotice', 'n', { via: 'p' })}
     WHERE p.id = ANY(${[...new Set(personIds)]}::uuid[])
       AND ${visible(actor, PERSON, 'p', { orReferenced: true })}
     GROUP BY p.id, p.anonymous`.execute(db);
  for (const row of r.rows) out.set(row.id, statusOf(row.anonymous, row.signed));
  return out;
}

export function statusOf(anonymous: boolean, signed: boolean): PrivacyStatus {
  if (signed) return 'signed';
  return anonymous ? 'anonymous' : 'not_signed';
}

export type { NoticeScope };
