import type { WorkContext } from '@siso/shared';
import type { Actor } from '../../access/actor.js';
import type { ActionContext } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';

export type ContextActor = Actor & { context: NonNullable<Actor['context']> & WorkContext };

/** `context` actions always have an actor with a context (pipeline step 2); this narrows the type. */
export function actorOf(ctx: ActionContext): ContextActor {
  const a = ctx.actor;
  if (!a?.context) throw new AppError('context_required');
  return a as ContextActor;
}
