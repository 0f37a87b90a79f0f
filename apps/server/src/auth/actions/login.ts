import { sql } from 'kysely';
import { authLogin } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { loadAuthState } from '../auth-state.js';
import { recordFailedLogin, resetFailedLogins } from '../lockout.js';
import { loginThrottle } from '../login-throttle.js';
import { DUMMY_HASH } from '../password.js';
import { nextStatus, toLoginStatus } from '../session-status.js';
import { listWorkContexts } from '../work-contexts.js';
import { sessionView } from './session-view.js';

/**
 * auth.login: rate limit (shared by every instance), password check (argon2id), lockout, then a new session. The session is
 * `active` only when no step is left; otherwise it is `totp_required` (TOTP enabled, or required by a
 * profile) or `password_change_required` and reaches only the action completing it.
 *
 * Failures never write inside the request transaction, which rolls back: the failed-login count is
 * written by ctx.onFailure after the rollback (see lockout.ts). An unknown user, a wrong password and
 * a locked account get the same 401 (OWASP ASVS 2.2.1, 3.x: no account enumeration); the lock is in
 * the audit row only.
 */
export const login = defineHandler(authLogin, async (ctx, input) => {
  const throttle = loginThrottle(ctx.services);
  const wait = await throttle.retryAfter(ctx.tx, ctx.request.ip, input.username);
  if (wait > 0) {
    const err = new AppError('rate_limited');
    err.headers['retry-after'] = String(wait);
    throw err;
  }
  const op = await ctx.tx
    .selectFrom('operator')
    .select(['id', 'username', 'given_name', 'family_name', 'password_hash'])
    .select(sql<boolean>`COALESCE(locked_until > now(), false)`.as('locked'))
    .where(sql<boolean>`lower(username) = lower(${input.username})`)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  // Verified even when locked or unknown: the response time reveals neither.
  const ok = await ctx.services.passwords.verify(op?.password_hash ?? DUMMY_HASH, input.password);
  if (!op || !op.password_hash || !ok || op.locked) {
    // Counted after the rollback, in the database every instance shares (login-throttle.ts).
    ctx.onFailure((db) => throttle.failed(db, ctx.request.ip, input.username));
    ctx.audit({ details: { username: input.username.slice(0, 100), ...(op?.locked ? { locked: true } : {}) } });
    if (op && !op.locked) {
      const lockout = ctx.services.config.lockout;
      ctx.onFailure(async (db) => {
        if (await recordFailedLogin(db, op.id, lockout)) ctx.audit({ targets: [{ kind: 'operator', id: op.id }], details: { lockedNow: true } });
      });
    }
    throw new AppError('unauthenticated', [{ path: 'password', message: 'credenziali_non_valide' }]);
  }
  await resetFailedLogins(ctx.tx, op.id);
  const state = await loadAuthState(ctx.tx, op.id);
  const status = nextStatus(state, 'password');
  const contexts = status === 'active' ? await listWorkContexts(ctx.tx, op.id) : [];
  const only = contexts.length === 1 ? contexts[0] : undefined;
  const { token, csrfToken } = await ctx.services.sessions.create(ctx.tx, op.id, {
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
    status,
    assignmentId: only?.assignmentId ?? null,
  });
  await ctx.tx.updateTable('operator').set({ last_login_at: sql`now()` }).where('id', '=', op.id).execute();
  ctx.session.setToken(token);
  const operator = { id: op.id, username: op.username, displayName: `${op.given_name} ${op.family_name}` };
  ctx.audit({ targets: [{ kind: 'operator', id: op.id }], details: { status } });
  const view = await sessionView(ctx.tx, operator, only?.assignmentId ?? null, csrfToken, status);
  return { ...view, status: toLoginStatus(status) };
});
