import { Outlet } from 'react-router';
import { useSessionQuery } from '../features/session/hooks/useSessionQuery';
import { Loading } from '../features/common/components/Loading';
import { ErrorNotice } from '../features/common/components/ErrorNotice';
import { LoginPage } from '../routes/LoginPage';
import { ContextPage } from '../routes/ContextPage';
import { AuthStepPage } from '../routes/AuthStepPage';
import { ActiveSessionContext } from '../features/session/hooks/useSession';
import type { ActiveSession } from '../features/session/hooks/useSession';

/**
 * Guards the operator's pages: login when there is no session, the context choice when no ente and
 * office are selected, the page otherwise.
 */
export function SessionGate() {
  const { data: session, isPending, error, refetch } = useSessionQuery();
  if (isPending) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!session) return <LoginPage />;
  // A step left after the password (TOTP, forced password change): nothing else until it is done.
  if (session.status !== 'ok') return <AuthStepPage session={session} />;
  if (!session.context) return <ContextPage />;
  return (
    // `context` is set here; the cast only tells TypeScript what the check above proved.
    <ActiveSessionContext.Provider value={session as ActiveSession}>
      <Outlet />
    </ActiveSessionContext.Provider>
  );
}
