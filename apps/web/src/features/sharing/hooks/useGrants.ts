import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api';
import type { ActionInput, ActionOutput, ApiError } from '../../../lib/api';
import { useAction, useActionMutation } from '../../../lib/query';

type GrantsPage = ActionOutput<'grants.find'>;
export type GrantsFilter = Omit<ActionInput<'grants.find'>, 'cursor' | 'limit'>;

/** Shares newest first, 50 a page: of one record, or (no record) the actor's own or, for the DPO, the ambito's. */
export function useGrantsFind(filter: GrantsFilter, enabled = true) {
  return useInfiniteQuery<GrantsPage, ApiError, { pages: GrantsPage[] }, readonly unknown[], string | undefined>({
    queryKey: ['grants.find', filter],
    queryFn: ({ pageParam, signal }) => call('grants.find', { limit: 50, cursor: pageParam, ...filter }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** Operators, offices or enti of the region by name, for the sharing form. */
export function useGrantSubjects(input: ActionInput<'grants.subjects'>) {
  return useAction('grants.subjects', input, { placeholderData: (previous) => previous });
}

// A new or revoked share changes what its subject sees: lists of shares and the audit read again.
export const useCreateGrant = () => useActionMutation('grants.create', ['grants.find', 'audit.find']);
export const useRevokeGrant = () => useActionMutation('grants.revoke', ['grants.find', 'audit.find']);
