import type { Kysely } from 'kysely';
import type { PrivacyStatus } from '@siso/shared';
import type { DB } from '../../db/types.js';
import type { ContextActor } from '../organisation/require-actor.js';
// SCAFFOLD (issue 5): internal API between the intake parts; the owner replaces the body.

/** Privacy status for the actor's ente (and desk where configured) of each person (search results, schede). */
export async function privacyStatusOf(_db: Kysely<DB>, _actor: ContextActor, personIds: readonly string[]): Promise<Map<string, PrivacyStatus>> {
  return new Map(personIds.map((id) => [id, 'not_signed' as const]));
}
