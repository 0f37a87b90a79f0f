import { useInfiniteQuery } from '@tanstack/react-query';
import type { ActionName } from '@siso/shared';
import { call } from '../../../lib/api';
import type { ActionInput, ActionOutput, ApiError } from '../../../lib/api';
import { useAction, useActionMutation } from '../../../lib/query';

type DesksPage = ActionOutput<'desks.find'>;

/** Every view a send, receive or refuse can change. */
const transferViews: ActionName[] = ['intakeRecords.get', 'intakeRecords.find', 'intakeTransfers.find', 'desks.home', 'desks.counters'];

/** desks.find, 50 a page: the desks to configure, or the destinations of a send. */
export function useDesks(purpose: 'configure' | 'destinations', q: string, enabled = true) {
  return useInfiniteQuery<DesksPage, ApiError, { pages: DesksPage[] }, readonly unknown[], string | undefined>({
    queryKey: ['desks.find', { purpose, q }],
    queryFn: ({ pageParam, signal }) => call('desks.find', { purpose, limit: 50, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export const useDeskHome = () => useAction('desks.home', {}, { staleTime: 0 });
export const useDeskCounters = (input: ActionInput<'desks.counters'>) => useAction('desks.counters', input);

export const useSendIntake = () => useActionMutation('intakeRecords.send', transferViews);
export const useReceiveIntake = () => useActionMutation('intakeRecords.receive', transferViews);
export const useRefuseIntake = () => useActionMutation('intakeRecords.refuse', transferViews);
export const useConfigureDesk = () => useActionMutation('desks.configure', ['desks.find', 'desks.home']);
