import { authVerifyTotp } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { loadAuthState } from '../auth-state.js';
import { completeStep } from '../complete-step.js';
import { recordFailedLogin, resetFailedLogins } from '../lockout.js';
import { nextStatus } from '../session-status.js';
import { acceptTotp } from '../totp.js';
import { open, secretKey } from '../secret-box.js';

/**
 * auth.verifyTotp: the second factor after the password (RFC 6238). A wrong code counts as a failed
 * login towards the lockout (6 digits fall to guessing otherwise, OWASP ASVS 2.8.7); once locked the
 * half-open session is revoked and the operator starts again from the password.
 */
export const verifyTotp = defineHandler(authVerifyTotp, async (ctx, input) => {
  const actor = ctx.actor!;
  const state = await loadAuthState(ctx.tx, actor.operatorId);
  if (!state.totpEnabled || !state.totpSecretEnc) throw new AppError('precondition_failed', [{ path: 'code', message: 'totp_non_attivo' }]);
  const sessions = ctx.services.sessions;
  if (state.locked) {
    ctx.onFailure((db) => sessions.revoke(db, actor.sessionHash));
    ctx.session.clear();
    throw new AppError('unauthenticated');
  }
  const secret = open(secretKey(ctx.services.config), state.totpSecretEnc, `totp:${actor.operatorId}`);
  const step = secret ? acceptTotp(secret, input.code, state.totpLastStep) : null;
  if (step === null) {
    const lockout = ctx.services.config.lockout;
    ctx.onFailure(async (db) => {
      if (await recordFailedLogin(db, actor.operatorId, lockout)) {
        await sessions.revoke(db, actor.sessionHash);
        ctx.audit({ details: { lockedNow: true } });
      }
    });
    throw new AppError('invalid_input', [{ path: 'code', message: 'codice_totp_non_valido' }]);
  }
  await ctx.tx.updateTable('operator').set({ totp_last_step: step }).where('id', '=', actor.operatorId).execute();
  await resetFailedLogins(ctx.tx, actor.operatorId);
  ctx.audit({ targets: [{ kind: 'operator', id: actor.operatorId }] });
  return completeStep(ctx, nextStatus(state, 'totp'));
});
