import type { ActionContext } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, type ContextActor } from '../organisation/require-actor.js';

/** People live in an ambito (architecture, tenancy): an installation-level context has none to write into. */
export function ambitoActor(ctx: ActionContext): ContextActor & { context: { ambitoId: string } } {
  const actor = actorOf(ctx);
  if (!actor.context.ambitoId) throw new AppError('forbidden');
  return actor as ContextActor & { context: { ambitoId: string } };
}
