import { organisationTree } from '@siso/shared';
import { abilitiesFor } from '../../../access/abilities.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../require-actor.js';
import { loadTree } from '../tree.repo.js';

/**
 * organisation.tree: the tenancy tree. Organisational data is class `public`, so every operator sees
 * their own ambito whole; installation and region-aggregate profiles see every ambito of the region.
 */
export const organisationTreeHandler = defineHandler(organisationTree, async (ctx, input) => {
  const actor = actorOf(ctx);
  const c = actor.context;
  const regionWide = ['installation', 'region_aggregate'].includes(actor.scopes['organisation.tree'] ?? '');
  let ambitoIds: string[] | null = regionWide ? null : c.ambitoId ? [c.ambitoId] : [];
  if (input.ambitoId) {
    if (ambitoIds && !ambitoIds.includes(input.ambitoId)) throw new AppError('not_found');
    ambitoIds = [input.ambitoId];
  }
  const regione = await ctx.tx.selectFrom('regione').select(['id', 'name']).where('id', '=', c.regioneId).executeTakeFirstOrThrow();
  const ambiti = await loadTree(ctx.tx, actor, regione.id, ambitoIds);
  if (input.ambitoId && ambiti.length === 0) throw new AppError('not_found');
  return { regione, ambiti, abilities: abilitiesFor(actor, ['ambiti.upsert'], () => actor.scopes['ambiti.upsert'] === 'installation') };
});
