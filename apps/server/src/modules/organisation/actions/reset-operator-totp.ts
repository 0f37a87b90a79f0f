import { operatorsResetTotp } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { revokeSessions } from '../credentials.js';
import { assertCanTakeOver } from '../grantable.js';
import { findOperatorInReach, presentOperators } from '../operators.repo.js';
import { actorOf } from '../require-actor.js';

/**
 * operators.resetTotp: clears the operator's authenticator (secret, enabled flag, last used step:
 * migration 0003) after a lost or compromised device, and ends every open session (a session opened
 * with the old factor must not outlive it). At the next login an operator whose profile requires TOTP
 * is sent to enrolment (auth.enrollTotp), which an enabled authenticator would refuse
 * (`totp_già_attivo`: "ask an administrator"). Protected operators (the DPO) only by the system
 * administrator, as for resetPassword (grantable.ts). Idempotent: an operator without TOTP is left as is.
 */
export const resetOperatorTotp = defineHandler(operatorsResetTotp, async (ctx, input) => {
  const actor = actorOf(ctx);
  const old = await findOperatorInReach(ctx.tx, actor, 'operators.resetTotp', input.id);
  if (!old) throw new AppError('not_found');
  await assertCanTakeOver(ctx.tx, actor, input.id, 'operators.resetTotp');
  await ctx.tx
    .updateTable('operator')
    .set((eb) => ({
      totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null,
      version: eb('version', '+', 1), updated_at: new Date(), updated_by: actor.operatorId,
    }))
    .where('id', '=', input.id)
    .execute();
  const sessionsRevoked = await revokeSessions(ctx, input.id);
  ctx.audit({ targets: [{ kind: 'operator', id: input.id }], details: { totpEnabled: { old: old.totp_enabled_at !== null, new: false }, sessionsRevoked } });
  const fresh = await findOperatorInReach(ctx.tx, actor, 'operators.resetTotp', input.id);
  const [view] = await presentOperators(ctx.tx, actor, 'operators.resetTotp', [fresh!], () => undefined);
  return view!;
});
