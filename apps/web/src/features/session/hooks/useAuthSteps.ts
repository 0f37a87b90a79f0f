import { useMutation } from '@tanstack/react-query';
import type { SessionView } from '@siso/shared';
import { call } from '../../../lib/api';
import type { ActionInput, ActionOutput, ApiError } from '../../../lib/api';
import { useAction } from '../../../lib/query';
import { useReplaceSession } from './useSessionActions';

/** A step action answering the new session view (the id rotated): the cached session is replaced. */
function useStep<N extends 'auth.verifyTotp' | 'auth.confirmTotp' | 'auth.changePassword'>(name: N) {
  const replace = useReplaceSession();
  return useMutation<SessionView, ApiError, ActionInput<N>>({
    mutationFn: (input) => call(name, input) as Promise<SessionView>,
    onSuccess: (session) => replace(session),
  });
}

export const useVerifyTotp = () => useStep('auth.verifyTotp');
export const useConfirmTotp = () => useStep('auth.confirmTotp');
export const useChangePassword = () => useStep('auth.changePassword');

/** `auth.enrollTotp`: a new pending secret (otpauth:// URI and base32 text). */
export function useEnrollTotp() {
  return useMutation<ActionOutput<'auth.enrollTotp'>, ApiError, void>({ mutationFn: () => call('auth.enrollTotp', {}) });
}

/** `auth.logoutEverywhere`: every session ends, this one too. */
export function useLogoutEverywhere() {
  const replace = useReplaceSession();
  return useMutation<ActionOutput<'auth.logoutEverywhere'>, ApiError, void>({
    mutationFn: () => call('auth.logoutEverywhere', {}),
    onSuccess: () => replace(null),
  });
}

/** Which ways to log in the server offers (password, SPID/CIE through OIDC). */
export function useAuthConfig() {
  return useAction('auth.config', {}, { staleTime: Infinity });
}
