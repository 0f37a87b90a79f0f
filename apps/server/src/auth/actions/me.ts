import { authMe } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { sessionView } from './session-view.js';

export const me = defineHandler(authMe, async (ctx) => {
  const actor = ctx.actor!;
  return sessionView(
    ctx.tx,
    { id: actor.operatorId, username: actor.username, displayName: actor.displayName },
    actor.context?.assignmentId ?? null,
    ctx.session.csrfToken ?? '',
  );
});
