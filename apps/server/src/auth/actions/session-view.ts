import type { SessionView } from '@siso/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { listWorkContexts, toWorkContext } from '../work-contexts.js';

/** The body of auth.login / auth.me / auth.selectContext: operator, contexts and current context. */
export async function sessionView(
  db: Kysely<DB>,
  operator: { id: string; username: string; displayName: string },
  currentAssignmentId: string | null,
  csrfToken: string,
): Promise<SessionView> {
  const contexts = await listWorkContexts(db, operator.id);
  const current = contexts.find((c) => c.assignmentId === currentAssignmentId) ?? null;
  return {
    operator,
    context: current ? toWorkContext(current) : null,
    contexts: contexts.map(toWorkContext),
    permissions: current ? current.permissions : [],
    csrfToken,
  };
}
