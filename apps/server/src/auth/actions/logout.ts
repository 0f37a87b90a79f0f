import { authLogout } from '@siso/shared';
import { defineHandler } from '../../http/action.js';

export const logout = defineHandler(authLogout, async (ctx) => {
  await ctx.services.sessions.revoke(ctx.tx, ctx.actor!.sessionHash);
  ctx.session.clear();
  return { ok: true as const };
});
