import { operatorsResetPassword } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { revokeSessions, temporaryPassword } from '../credentials.js';
import { findOperatorInReach, presentOperators } from '../operators.repo.js';
import { actorOf } from '../require-actor.js';
import { assertCanTakeOver } from '../grantable.js';

/**
 * operators.resetPassword: a new temporary password, shown once to the administrator and never
 * stored in clear nor audited; the operator must change it, and every open session ends (a reset
 * usually means the old password may be known to someone else). The lockout is cleared too.
 */
export const resetOperatorPassword = defineHandler(operatorsResetPassword, async (ctx, input) => {
  const actor = actorOf(ctx);
  const old = await findOperatorInReach(ctx.tx, actor, 'operators.resetPassword', input.id);
  if (!old) throw new AppError('not_found');
  await assertCanTakeOver(ctx.tx, actor, input.id);
  const password = temporaryPassword();
  const hash = await ctx.services.passwords.hash(password);
  await ctx.tx
    .updateTable('operator')
    .set((eb) => ({
      password_hash: hash, must_change_password: true, password_changed_at: null, failed_login_count: 0, locked_until: null,
      version: eb('version', '+', 1), updated_at: new Date(), updated_by: actor.operatorId,
    }))
    .where('id', '=', input.id)
    .execute();
  const sessionsRevoked = await revokeSessions(ctx, input.id);
  ctx.audit({ targets: [{ kind: 'operator', id: input.id }], details: { mustChangePassword: { old: old.must_change_password, new: true }, sessionsRevoked } });
  const fresh = await findOperatorInReach(ctx.tx, actor, 'operators.resetPassword', input.id);
  const [operator] = await presentOperators(ctx.tx, actor, 'operators.resetPassword', [fresh!], () => undefined);
  return { operator: operator!, temporaryPassword: password };
});
