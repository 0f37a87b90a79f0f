import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api';
import type { ActionInput, ActionOutput, ApiError } from '../../../lib/api';

type IntakePage = ActionOutput<'intakeRecords.find'>;
export type IntakeFilters = Omit<ActionInput<'intakeRecords.find'>, 'cursor' | 'limit'>;

/** intakeRecords.find, 50 a page, "Mostra altri" follows the keyset cursor. */
export function useIntakeList(filters: IntakeFilters) {
  return useInfiniteQuery<IntakePage, ApiError, { pages: IntakePage[] }, readonly unknown[], string | undefined>({
    queryKey: ['intakeRecords.find', filters],
    queryFn: ({ pageParam, signal }) => call('intakeRecords.find', { ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
