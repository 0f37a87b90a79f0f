import type { Kysely } from 'kysely';
import type { ProposalView } from '@siso/shared';
import type { DB } from '../../../db/types.js';
import type { ContextActor } from '../../organisation/require-actor.js';
// SCAFFOLD (issue 5): internal API between the intake parts; the owner replaces the body.

/** The latest proposal to take charge made from a visible scheda, if any. */
export async function loadProposalOf(_db: Kysely<DB>, _actor: ContextActor, _intakeId: string): Promise<ProposalView | null> {
  return null;
}
