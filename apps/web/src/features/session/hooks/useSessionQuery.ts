import { useQuery } from '@tanstack/react-query';
import type { SessionView } from '@siso/shared';
import { ApiError, call } from '../../../lib/api';
import { sessionKey } from '../../../lib/query';

/** The current session from `auth.me`; `null` when nobody is logged in (401). */
export function useSessionQuery() {
  return useQuery<SessionView | null, ApiError>({
    queryKey: sessionKey,
    queryFn: async ({ signal }) => {
      try {
        return await call('auth.me', {}, { signal });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Infinity,
  });
}
