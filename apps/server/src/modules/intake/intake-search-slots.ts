import { sql } from 'kysely';
import { visibleTo } from '../../access/visibility.js';
import { privacyStatusOf } from '../consents/privacy-status.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { registerSearchSlot } from '../persons/search/search-slots.js';
import { INTAKE_RECORD } from './intake-kinds.js';

/**
 * Search results show, per person, the schede the actor may read (issue 4, point 1 slots; issue 5:
 * "open intake records") and the privacy status for the actor's ente (issue 5, point 3). One query
 * per page each.
 */
registerSearchSlot('intake', async (db, actor, personIds) => {
  const out = new Map<string, unknown>();
  if (!actor.context) return out;
  const a = actor as ContextActor;
  const r = await sql<{ person_id: string; complete: number; incomplete: number; last_access_date: string }>`
    SELECT r.person_id, count(*) FILTER (WHERE r.status = 'complete')::int AS complete,
           count(*) FILTER (WHERE r.status = 'incomplete')::int AS incomplete, max(r.access_date) AS last_access_date
      FROM intake_record r
     WHERE r.person_id = ANY(${[...personIds]}::uuid[]) AND r.deleted_at IS NULL
       AND ${visibleTo(a, 'intakeRecords.get', INTAKE_RECORD, 'r')}
     GROUP BY r.person_id`.execute(db);
  for (const x of r.rows) out.set(x.person_id, { complete: x.complete, incomplete: x.incomplete, lastAccessDate: x.last_access_date });
  return out;
});

registerSearchSlot('privacy', async (db, actor, personIds) => {
  if (!actor.context) return new Map();
  return privacyStatusOf(db, actor as ContextActor, personIds);
});
