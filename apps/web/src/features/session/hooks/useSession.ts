import { createContext, useContext } from 'react';
import type { SessionView, WorkContext } from '@siso/shared';
import { useSessionQuery } from './useSessionQuery';

export type ActiveSession = SessionView & { context: WorkContext };

/**
 * The session the gate let through, handed to the pages below it. Pages read it from here rather than
 * from their own query observer: a page mounted while the session is being dropped (logout navigates to
 * "/" as the session becomes null) would otherwise read the cache's newer `null` while the gate, whose
 * observer is notified a tick later, still renders the page.
 */
export const ActiveSessionContext = createContext<ActiveSession | null>(null);

/** The session inside the authenticated area (below the session gate, where a context is chosen). */
export function useSession(): ActiveSession {
  const session = useContext(ActiveSessionContext);
  if (!session) throw new Error('useSession used outside the session gate');
  return session;
}

/**
 * Whether the server listed the action among the operator's permissions in the current context. The UI
 * only shows or hides controls from this list; it never re-derives a rule.
 */
export function usePermission(action: string): boolean {
  const { data } = useSessionQuery();
  return data?.permissions.includes(action) ?? false;
}
