import { QueryCache, QueryClient, MutationCache, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryOptions } from '@tanstack/react-query';
import type { ActionName } from '@siso/shared';
import { ApiError, call } from './api';
import type { ActionInput, ActionOutput } from './api';

/** The session query: `auth.me`, or null when nobody is logged in. */
export const sessionKey = ['session'] as const;

export function actionKey<N extends ActionName>(name: N, input?: ActionInput<N>) {
  return input === undefined ? ([name] as const) : ([name, input] as const);
}

function onApiError(client: () => QueryClient, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  // An expired session or a lost context sends the operator back to login or to the context choice.
  if (error.code === 'unauthenticated') client().setQueryData(sessionKey, null);
  if (error.code === 'context_required') void client().invalidateQueries({ queryKey: sessionKey });
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e) => onApiError(() => client, e) }),
    mutationCache: new MutationCache({ onError: (e) => onApiError(() => client, e) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, e) => !(e instanceof ApiError && e.status > 0 && e.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

type QueryExtras<N extends ActionName> = Omit<
  UseQueryOptions<ActionOutput<N>, ApiError, ActionOutput<N>, readonly unknown[]>,
  'queryKey' | 'queryFn'
>;

/** A query action through TanStack Query; the key is `[name, input]`. */
export function useAction<N extends ActionName>(name: N, input: ActionInput<N>, options: QueryExtras<N> = {}) {
  return useQuery<ActionOutput<N>, ApiError, ActionOutput<N>, readonly unknown[]>({
    queryKey: actionKey(name, input),
    queryFn: ({ signal }) => call(name, input, { signal }),
    ...options,
  });
}

/** A mutation action; `invalidates` lists the actions whose cached answers become stale on success. */
export function useActionMutation<N extends ActionName>(name: N, invalidates: ActionName[] = []) {
  const client = useQueryClient();
  return useMutation<ActionOutput<N>, ApiError, ActionInput<N>>({
    mutationFn: (input) => call(name, input),
    // Refetches start at once but are not awaited: the caller's own onSuccess (an announcement, a
    // navigation) must not wait for a slow list.
    onSuccess: () => {
      for (const n of invalidates) void client.invalidateQueries({ queryKey: [n] });
    },
  });
}
