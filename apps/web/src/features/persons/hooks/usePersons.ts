import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionName } from '@siso/shared';
import { call } from '../../../lib/api';
import type { ActionInput, ActionOutput, ApiError } from '../../../lib/api';
import { actionKey, useAction, useActionMutation } from '../../../lib/query';

/** Every write on a person refreshes the views it can change. */
const personViews: ActionName[] = ['persons.find', 'persons.get', 'persons.history', 'persons.findDuplicates', 'households.get'];

export type FoundPerson = ActionOutput<'persons.find'>['items'][number];

/** persons.find; `null` = no search yet (nothing is asked). */
export function useFindPersons(search: ActionInput<'persons.find'> | null) {
  return useAction('persons.find', search ?? {}, { enabled: search !== null, staleTime: 0 });
}

export const usePerson = (id: string) => useAction('persons.get', { id }, { enabled: id !== '' });
export const useHousehold = (personId: string, enabled = true) => useAction('households.get', { personId }, { enabled });
export const useDuplicates = (personId?: string) => useAction('persons.findDuplicates', personId ? { personId } : {}, { staleTime: 0 });

/** persons.history, page by page (keyset cursor). */
export function usePersonHistory(id: string, enabled = true) {
  return useInfiniteQuery<ActionOutput<'persons.history'>, ApiError>({
    queryKey: actionKey('persons.history', { id }),
    queryFn: ({ pageParam, signal }) => call('persons.history', { id, limit: 20, ...(pageParam ? { cursor: pageParam as string } : {}) }, { signal }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export const useCreatePerson = () => useActionMutation('persons.create', personViews);
export const useUpdatePerson = () => useActionMutation('persons.update', personViews);
export const useReplaceFiscalCode = () => useActionMutation('persons.replaceFiscalCode', personViews);
export const useMergePersons = () => useActionMutation('persons.merge', personViews);
export const useUpdateHousehold = () => useActionMutation('households.update', personViews);

/**
 * persons.loadFromRegistry: a query on the server (it changes nothing) but asked on a click, with a
 * reason; the answer is not cached (every lookup is a new audited read of the registry).
 */
export function useLoadFromRegistry() {
  return useMutation<ActionOutput<'persons.loadFromRegistry'>, ApiError, ActionInput<'persons.loadFromRegistry'>>({
    mutationFn: (input) => call('persons.loadFromRegistry', input),
  });
}

/** Puts a person answered by a write in the cache, so the detail page shows it at once. */
export function useRememberPerson() {
  const client = useQueryClient();
  return (p: ActionOutput<'persons.get'>) => client.setQueryData(actionKey('persons.get', { id: p.id }), p);
}
