import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionView, WorkContext } from '@siso/shared';
import { call, setCsrfToken } from '../../../lib/api';
import type { ActionInput, ApiError } from '../../../lib/api';
import { sessionKey } from '../../../lib/query';

export type LoginOutcome = 'ok' | 'totp_required' | 'password_change_required';

export function useReplaceSession() {
  const client = useQueryClient();
  return (session: SessionView | null) => {
    // Cached answers belong to the previous operator or context: drop them before anything re-renders.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    client.setQueryData(sessionKey, session);
  };
}

/**
 * `auth.login`; a session with a step left (totp_required, password_change_required) is cached as is
 * and the gate shows that step. When the operator has no context yet and exactly one is available it is selected at
 * once, otherwise the session gate shows the context choice.
 */
export function useLogin() {
  const replace = useReplaceSession();
  return useMutation<LoginOutcome, ApiError, ActionInput<'auth.login'>>({
    mutationFn: async (input) => {
      const session = await call('auth.login', input);
      const { status } = session;
      // A second step (TOTP, forced password change): the session gate shows it from the cached view.
      if (status !== 'ok') {
        replace(session);
        return status;
      }
      const only = session.contexts.length === 1 ? session.contexts[0] : undefined;
      if (!session.context && only) {
        replace(await call('auth.selectContext', { enteId: only.enteId, officeId: only.officeId }));
      } else {
        replace(session);
      }
      return 'ok';
    },
  });
}

/** `auth.selectContext`: the session id rotates and everything cached for the old context is dropped. */
export function useSelectContext() {
  const replace = useReplaceSession();
  return useMutation<SessionView, ApiError, WorkContext>({
    mutationFn: (ctx) => call('auth.selectContext', { enteId: ctx.enteId, officeId: ctx.officeId }),
    onSuccess: (session) => replace(session),
  });
}

/** `auth.logout`; the local session is forgotten even if the server could not be reached. */
export function useLogout() {
  const replace = useReplaceSession();
  return useMutation<void, ApiError, void>({
    mutationFn: async () => {
      try {
        await call('auth.logout', {});
      } finally {
        setCsrfToken(null);
        replace(null);
      }
    },
  });
}
