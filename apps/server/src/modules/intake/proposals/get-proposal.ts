import { proposalsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { proposalOfEnte } from './proposal-access.js';
import { presentProposals } from './proposal-repo.js';

/** One proposal of the actor's ente (404 for any other), its person masked per class. */
export const getProposal = defineHandler(proposalsGet, async (ctx, input) => {
  const actor = actorOf(ctx);
  const row = await proposalOfEnte(ctx.tx, actor, input.id);
  const [view] = await presentProposals(ctx, ctx.tx, actor, [row], false);
  return view!;
});
