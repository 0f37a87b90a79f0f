import type { SessionView } from '@siso/shared';
import type { ActionContext } from '../http/action.js';
import { sessionView } from './actions/session-view.js';
import type { SessionStatus } from './session-store.js';
import { listWorkContexts } from './work-contexts.js';

/**
 * After an authentication step (TOTP code, enrolment, forced password change): the session id rotates
 * because the privileges change (OWASP ASVS 3.2.1, session fixation), and when the session becomes
 * active with one valid assignment that context is chosen at once, as auth.login does.
 */
export async function completeStep(ctx: ActionContext, status: SessionStatus): Promise<SessionView> {
  const actor = ctx.actor!;
  let assignmentId = actor.context?.assignmentId ?? null;
  if (status === 'active' && !assignmentId) {
    const contexts = await listWorkContexts(ctx.tx, actor.operatorId);
    assignmentId = contexts.length === 1 ? contexts[0]!.assignmentId : null;
  }
  const { token, csrfToken } = await ctx.services.sessions.rotate(ctx.tx, actor.sessionHash, assignmentId, status);
  ctx.session.setToken(token);
  return sessionView(ctx.tx, { id: actor.operatorId, username: actor.username, displayName: actor.displayName }, assignmentId, csrfToken, status);
}
