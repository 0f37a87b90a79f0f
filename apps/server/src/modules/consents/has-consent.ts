import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { visible } from '../../access/visibility.js';
import type { DB } from '../../db/types.js';

/**
 * Whether the person has an optional consent of `type` GIVEN and in force with the ente. The
 * enforcement point for every processing that rests on consent rather than on the law (GDPR art.
 * 6(1)(a), 7): sharing data with the job centres (type `centri_impiego`, D.Lgs. 150/2015), contacting
 * the person by e-mail about their files (`contatto_email`), sending messages through App IO
 * (`app_io`). Those modules must call it right before acting — a consent withdrawn a minute ago
 * counts as withdrawn (art. 7(3)) — and skip the processing when it answers false. No consent
 * recorded = false: refusal is the default (art. 4(11), 7(1)).
 *
 * `actor`: the request's actor, whose read carries the consent's rule (a consent of a person the
 * actor cannot see counts as none); a job, on its unguarded handle, leaves it out.
 */
export async function hasConsent(db: Kysely<DB>, personId: string, enteId: string, type: string, actor?: Actor): Promise<boolean> {
  const row = await db
    .selectFrom('consent as c')
    .select('c.given')
    .where('c.person_id', '=', personId)
    .where('c.ente_id', '=', enteId)
    .where('c.consent_type', '=', type)
    .where('c.withdrawn_at', 'is', null)
    .$if(actor !== undefined, (q) => q.where(visible(actor!, 'consent', 'c')))
    .executeTakeFirst();
  return row?.given === true;
}
