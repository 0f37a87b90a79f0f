import { sql } from 'kysely';
import { authChangePassword } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { completeStep } from '../complete-step.js';
import { passwordProblems } from '../password-policy.js';

/**
 * auth.changePassword: the current password is asked again (OWASP ASVS 2.1.6), the new one must pass
 * the policy (password-policy.ts); then the operator's other sessions are revoked and this one rotates
 * (ASVS 3.3.3), and a forced change (must_change_password) is cleared.
 */
export const changePassword = defineHandler(authChangePassword, async (ctx, input) => {
  const actor = ctx.actor!;
  const op = await ctx.tx.selectFrom('operator').select(['password_hash']).where('id', '=', actor.operatorId).executeTakeFirstOrThrow();
  if (!op.password_hash || !(await ctx.services.passwords.verify(op.password_hash, input.currentPassword))) {
    throw new AppError('invalid_input', [{ path: 'currentPassword', message: 'password_attuale_errata' }]);
  }
  const problems = passwordProblems(input.newPassword, actor.username);
  if (input.newPassword === input.currentPassword) problems.push('password_uguale');
  if (problems.length > 0) throw new AppError('invalid_input', problems.map((message) => ({ path: 'newPassword', message })));
  const hash = await ctx.services.passwords.hash(input.newPassword);
  await ctx.tx
    .updateTable('operator')
    .set({ password_hash: hash, password_changed_at: sql`now()`, must_change_password: false })
    .where('id', '=', actor.operatorId)
    .execute();
  const revoked = await ctx.services.sessions.revokeAllOf(ctx.tx, actor.operatorId, actor.sessionHash);
  ctx.audit({ targets: [{ kind: 'operator', id: actor.operatorId }], details: { otherSessionsRevoked: revoked } });
  return completeStep(ctx, 'active');
});
