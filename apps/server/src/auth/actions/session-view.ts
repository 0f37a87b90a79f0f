import type { SessionView } from '@siso/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { SessionStatus } from '../session-store.js';
import { toLoginStatus } from '../session-status.js';
import { listWorkContexts, toWorkContext } from '../work-contexts.js';

/**
 * The body of auth.login / auth.me / auth.selectContext and the step actions: operator, contexts and
 * current context. A session that has not completed authentication learns nothing about the
 * operator's offices and permissions (OWASP ASVS 2.2: no information before the second factor).
 */
export async function sessionView(
  db: Kysely<DB>,
  operator: { id: string; username: string; displayName: string },
  currentAssignmentId: string | null,
  csrfToken: string,
  status: SessionStatus = 'active',
): Promise<SessionView> {
  const op = await db.selectFrom('operator').select('totp_enabled_at').where('id', '=', operator.id).executeTakeFirst();
  const base = { status: toLoginStatus(status), totpEnabled: Boolean(op?.totp_enabled_at), operator, csrfToken };
  if (status !== 'active') return { ...base, context: null, contexts: [], permissions: [] };
  const contexts = await listWorkContexts(db, operator.id);
  const current = contexts.find((c) => c.assignmentId === currentAssignmentId) ?? null;
  return {
    ...base,
    context: current ? toWorkContext(current) : null,
    contexts: contexts.map(toWorkContext),
    permissions: current ? current.permissions : [],
  };
}
