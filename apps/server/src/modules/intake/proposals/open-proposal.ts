import type { Kysely } from 'kysely';
import type { SocialCategory } from '@siso/shared';
import type { DB } from '../../../db/types.js';
import type { ContextActor } from '../../organisation/require-actor.js';
import type { DeskSettings } from '../desk-access.js';
// SCAFFOLD (issue 5): internal API between the intake parts; the owner replaces the body.

export interface CompletedIntake {
  id: string;
  personId: string | null;
  ambitoId: string;
  enteId: string;
  officeId: string;
  socialCategory: SocialCategory;
}

/** On completion with outcome "proposta di presa in carico": the proposal, its grant and the alert (issue 5, point 5). */
export async function openProposal(_db: Kysely<DB>, _actor: ContextActor, _intake: CompletedIntake, _settings: DeskSettings): Promise<string> {
  throw new Error('openProposal not implemented yet');
}
