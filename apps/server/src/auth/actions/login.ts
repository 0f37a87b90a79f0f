import { sql } from 'kysely';
import { authLogin } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { DUMMY_HASH } from '../password.js';
import { listWorkContexts } from '../work-contexts.js';
import { sessionView } from './session-view.js';

/**
 * auth.login: password check (argon2id), then a new session. With a single valid assignment the
 * context is chosen at once; with several the operator picks one (auth.selectContext).
 * Lockout, rate limits, TOTP and forced password change arrive with the access issue.
 */
export const login = defineHandler(authLogin, async (ctx, input) => {
  const op = await ctx.tx
    .selectFrom('operator')
    .select(['id', 'username', 'given_name', 'family_name', 'password_hash', 'must_change_password'])
    .where(sql<boolean>`lower(username) = lower(${input.username})`)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  const ok = await ctx.services.passwords.verify(op?.password_hash ?? DUMMY_HASH, input.password);
  if (!op || !op.password_hash || !ok) {
    // Same answer for an unknown user and a wrong password: usernames cannot be probed.
    ctx.audit({ details: { username: input.username.slice(0, 100) } });
    throw new AppError('unauthenticated', [{ path: 'password', message: 'credenziali_non_valide' }]);
  }
  const contexts = await listWorkContexts(ctx.tx, op.id);
  const only = contexts.length === 1 ? contexts[0] : undefined;
  const status = op.must_change_password ? ('password_change_required' as const) : ('active' as const);
  const { token, csrfToken } = await ctx.services.sessions.create(ctx.tx, op.id, {
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
    status,
    assignmentId: only?.assignmentId ?? null,
  });
  await ctx.tx.updateTable('operator').set({ last_login_at: sql`now()` }).where('id', '=', op.id).execute();
  ctx.session.setToken(token);
  const operator = { id: op.id, username: op.username, displayName: `${op.given_name} ${op.family_name}` };
  ctx.audit({ targets: [{ kind: 'operator', id: op.id }] });
  return { status: status === 'active' ? ('ok' as const) : status, ...(await sessionView(ctx.tx, operator, only?.assignmentId ?? null, csrfToken)) };
});
