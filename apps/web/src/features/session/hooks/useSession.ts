import type { SessionView, WorkContext } from '@siso/shared';
import { useSessionQuery } from './useSessionQuery';

export type ActiveSession = SessionView & { context: WorkContext };

/** The session inside the authenticated area (below the session gate, where a context is chosen). */
export function useSession(): ActiveSession {
  const { data } = useSessionQuery();
  if (!data?.context) throw new Error('useSession used outside the session gate');
  return data as ActiveSession;
}

/**
 * Whether the server listed the action among the operator's permissions in the current context. The UI
 * only shows or hides controls from this list; it never re-derives a rule.
 */
export function usePermission(action: string): boolean {
  const { data } = useSessionQuery();
  return data?.permissions.includes(action) ?? false;
}
