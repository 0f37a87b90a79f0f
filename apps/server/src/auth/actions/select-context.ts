import { authSelectContext } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { listWorkContexts } from '../work-contexts.js';
import { sessionView } from './session-view.js';

/** Picks the ente and office to work in; the session id rotates because the privileges change. */
export const selectContext = defineHandler(authSelectContext, async (ctx, input) => {
  const actor = ctx.actor!;
  const contexts = await listWorkContexts(ctx.tx, actor.operatorId);
  const chosen = contexts.find((c) => c.enteId === input.enteId && c.officeId === input.officeId);
  // Not one of the operator's own valid assignments: the same answer as a non-existent office.
  if (!chosen) throw new AppError('not_found', [{ path: 'officeId', message: 'contesto_non_disponibile' }]);
  const { token, csrfToken } = await ctx.services.sessions.rotate(ctx.tx, actor.sessionHash, chosen.assignmentId);
  ctx.session.setToken(token);
  ctx.audit({ targets: [{ kind: 'office', id: chosen.officeId }], details: { enteId: chosen.enteId } });
  return sessionView(
    ctx.tx,
    { id: actor.operatorId, username: actor.username, displayName: actor.displayName },
    chosen.assignmentId,
    csrfToken,
  );
});
