import { sql } from 'kysely';
import { authChangePassword } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { completeStep } from '../complete-step.js';
import { recordFailedLogin, resetFailedLogins } from '../lockout.js';
import { passwordProblems } from '../password-policy.js';

/**
 * auth.changePassword: the current password is asked again (OWASP ASVS 2.1.6), the new one must pass
 * the policy (password-policy.ts); then the operator's other sessions are revoked and this one rotates
 * (ASVS 3.3.3), and a forced change (must_change_password) is cleared.
 *
 * A wrong current password is a failed login (ASVS 2.2.1): same counter and lockout as auth.login,
 * counted after the rollback (lockout.ts), audited. The failure that locks the account also ends this
 * session (whoever holds it could not prove the password, as in auth.verifyTotp). While the account is
 * locked the password is not checked at all (attempts during a lock are not counted, so checking would
 * allow unlimited guesses): the answer is the same as for a wrong password.
 */
export const changePassword = defineHandler(authChangePassword, async (ctx, input) => {
  const actor = ctx.actor!;
  const op = await ctx.tx
    .selectFrom('operator')
    .select(['password_hash'])
    .select(sql<boolean>`COALESCE(locked_until > now(), false)`.as('locked'))
    .where('id', '=', actor.operatorId)
    .executeTakeFirstOrThrow();
  // Verified even when locked: the response time does not tell.
  const ok = op.password_hash !== null && (await ctx.services.passwords.verify(op.password_hash, input.currentPassword));
  if (!ok || op.locked) {
    ctx.audit({ targets: [{ kind: 'operator', id: actor.operatorId }], ...(op.locked ? { details: { locked: true } } : {}) });
    if (!op.locked) {
      const { lockout } = ctx.services.config;
      const sessions = ctx.services.sessions;
      ctx.onFailure(async (db) => {
        if (await recordFailedLogin(db, actor.operatorId, lockout)) {
          await sessions.revoke(db, actor.sessionHash);
          ctx.audit({ details: { lockedNow: true } });
        }
      });
    }
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
  // The password was proven: the count of failures restarts, as after a successful login.
  await resetFailedLogins(ctx.tx, actor.operatorId);
  const revoked = await ctx.services.sessions.revokeAllOf(ctx.tx, actor.operatorId, actor.sessionHash);
  ctx.audit({ targets: [{ kind: 'operator', id: actor.operatorId }], details: { otherSessionsRevoked: revoked } });
  return completeStep(ctx, 'active');
});
