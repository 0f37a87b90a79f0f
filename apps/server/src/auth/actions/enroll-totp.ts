import { authEnrollTotp } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { loadAuthState } from '../auth-state.js';
import { seal, secretKey } from '../secret-box.js';
import { newTotpSecret, totpUri } from '../totp.js';

/**
 * auth.enrollTotp: a new secret, stored encrypted (AES-256-GCM, GDPR art. 32) and pending until
 * auth.confirmTotp proves the app has it. Reachable from a totp_required session when a profile
 * requires TOTP and none is set up yet. An enabled authenticator is not replaced here: a stolen
 * session must not swap the second factor (reset by an administrator).
 */
export const enrollTotp = defineHandler(authEnrollTotp, async (ctx) => {
  const actor = ctx.actor!;
  const state = await loadAuthState(ctx.tx, actor.operatorId);
  if (state.totpEnabled) throw new AppError('precondition_failed', [{ path: '', message: 'totp_già_attivo' }]);
  const secret = newTotpSecret();
  const enc = seal(secretKey(ctx.services.config), secret, `totp:${actor.operatorId}`);
  await ctx.tx.updateTable('operator').set({ totp_secret_enc: enc, totp_last_step: null }).where('id', '=', actor.operatorId).execute();
  ctx.audit({ targets: [{ kind: 'operator', id: actor.operatorId }] });
  return { uri: totpUri(secret, state.username), secret };
});
