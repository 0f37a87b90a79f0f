import { authLogoutEverywhere } from '@siso/shared';
import { defineHandler } from '../../http/action.js';

/** auth.logoutEverywhere: every session of the operator ends, this one included (OWASP ASVS 3.3.4). */
export const logoutEverywhere = defineHandler(authLogoutEverywhere, async (ctx) => {
  const actor = ctx.actor!;
  const revoked = await ctx.services.sessions.revokeAllOf(ctx.tx, actor.operatorId);
  ctx.session.clear();
  ctx.audit({ targets: [{ kind: 'operator', id: actor.operatorId }], details: { revoked } });
  return { revoked };
});
