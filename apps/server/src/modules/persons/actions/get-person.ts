import { personsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { loadPerson, presentPerson } from '../person-repo.js';

/** persons.get: the full person, masked per class; 404 outside scope and grants (audited read). */
export const getPerson = defineHandler(personsGet, async (ctx, input) => {
  const actor = actorOf(ctx);
  const row = await loadPerson(ctx.tx, actor, input.id);
  if (!row) throw new AppError('not_found');
  return presentPerson(ctx, ctx.tx, actor, row);
});
