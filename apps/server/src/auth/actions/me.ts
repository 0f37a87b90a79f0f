import { authMe } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import type { SessionStatus } from '../session-store.js';
import { sessionView } from './session-view.js';

export const me = defineHandler(authMe, async (ctx) => {
  const actor = ctx.actor!;
  const s = await ctx.tx.selectFrom('session').select('status').where('token_hash', '=', actor.sessionHash).executeTakeFirst();
  return sessionView(
    ctx.tx,
    { id: actor.operatorId, username: actor.username, displayName: actor.displayName },
    actor.context?.assignmentId ?? null,
    ctx.session.csrfToken ?? '',
    (s?.status ?? 'active') as SessionStatus,
  );
});
