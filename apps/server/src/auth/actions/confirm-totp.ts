import { sql } from 'kysely';
import { authConfirmTotp } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { loadAuthState } from '../auth-state.js';
import { completeStep } from '../complete-step.js';
import { nextStatus } from '../session-status.js';
import { open, secretKey } from '../secret-box.js';
import { acceptTotp } from '../totp.js';

/**
 * auth.confirmTotp: the first code from the app turns the pending secret on. In a totp_required
 * session it also counts as the second factor of this login (the password was checked just before).
 */
export const confirmTotp = defineHandler(authConfirmTotp, async (ctx, input) => {
  const actor = ctx.actor!;
  const state = await loadAuthState(ctx.tx, actor.operatorId);
  if (state.totpEnabled) throw new AppError('precondition_failed', [{ path: 'code', message: 'totp_già_attivo' }]);
  const secret = state.totpSecretEnc ? open(secretKey(ctx.services.config), state.totpSecretEnc, `totp:${actor.operatorId}`) : null;
  if (!secret) throw new AppError('precondition_failed', [{ path: 'code', message: 'totp_non_attivo' }]);
  const step = acceptTotp(secret, input.code, state.totpLastStep);
  if (step === null) throw new AppError('invalid_input', [{ path: 'code', message: 'codice_totp_non_valido' }]);
  await ctx.tx
    .updateTable('operator')
    .set({ totp_enabled_at: sql`now()`, totp_last_step: step })
    .where('id', '=', actor.operatorId)
    .execute();
  ctx.audit({ targets: [{ kind: 'operator', id: actor.operatorId }] });
  const s = await ctx.tx.selectFrom('session').select('status').where('token_hash', '=', actor.sessionHash).executeTakeFirstOrThrow();
  // In an active session the change of factor still rotates the id (privilege-relevant change).
  return completeStep(ctx, s.status === 'totp_required' ? nextStatus(state, 'totp') : 'active');
});
