import { profilesFind } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { catalogue, presentProfile } from '../profiles.repo.js';
import { inReach, maxScopeOf, reachOf } from '../reach.js';
import { actorOf } from '../require-actor.js';

/**
 * profiles.find: the region's templates and the profiles of an ambito within reach (the actor's own by
 * default), with the permissions the actor may grant — the ones they hold (access issue).
 */
export const findProfiles = defineHandler(profilesFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const ambitoId = input.ambitoId ?? actor.context.ambitoId;
  if (ambitoId && !inReach(reachOf(actor, 'profiles.find'), { ambitoId })) throw new AppError('not_found');
  const rows = await ctx.tx
    .selectFrom('profile')
    .selectAll()
    .where('regione_id', '=', actor.context.regioneId)
    .where((eb) => (ambitoId ? eb.or([eb('ambito_id', 'is', null), eb('ambito_id', '=', ambitoId)]) : eb('ambito_id', 'is', null)))
    .orderBy('ambito_id', 'desc')
    .orderBy('name')
    .execute();
  return {
    items: rows.map((p) => presentProfile(actor, p)),
    grantable: catalogue().filter((c) => actor.permissions.has(c.action)),
    maxScope: maxScopeOf(actor),
  };
});
