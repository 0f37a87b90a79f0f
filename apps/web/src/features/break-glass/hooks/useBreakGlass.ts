import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api';
import type { ActionInput, ActionOutput, ApiError } from '../../../lib/api';
import { useAction, useActionMutation } from '../../../lib/query';

type BreakGlassPage = ActionOutput<'breakGlass.find'>;

/** The actor's emergency accesses open on one record, and the classes one could open there. */
export function useOpenBreakGlass(recordKind: string, recordId: string, enabled: boolean) {
  return useAction('breakGlass.find', { recordKind, recordId, open: true }, { enabled });
}

/** Emergency accesses newest first, 50 a page (the DPO: every one of the ambito). */
export function useBreakGlassList(filter: Omit<ActionInput<'breakGlass.find'>, 'cursor' | 'limit'>) {
  return useInfiniteQuery<BreakGlassPage, ApiError, { pages: BreakGlassPage[] }, readonly unknown[], string | undefined>({
    queryKey: ['breakGlass.find', 'list', filter],
    queryFn: ({ pageParam, signal }) => call('breakGlass.find', { limit: 50, cursor: pageParam, ...filter }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * Opening reads the record again with the classes it opened: every view that shows a person or a
 * scheda (and their history, household, privacy) is refetched.
 */
export const useBreakGlassOpen = () =>
  useActionMutation('breakGlass.open', ['breakGlass.find', 'persons.get', 'persons.history', 'households.get', 'intakeRecords.get', 'consents.get', 'audit.find']);
