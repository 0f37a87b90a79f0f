import { useInfiniteQuery } from '@tanstack/react-query';
import type { ActionName, proposalStatuses } from '@siso/shared';
import { call } from '../../../lib/api';
import type { ActionOutput, ApiError } from '../../../lib/api';
import { useActionMutation } from '../../../lib/query';

type ProposalsPage = ActionOutput<'proposals.find'>;
export type ProposalStatus = (typeof proposalStatuses)[number];

const proposalViews: ActionName[] = ['proposals.find', 'proposals.get', 'desks.home', 'intakeRecords.get'];

/** proposals.find, 50 a page (keyset cursor), newest first. */
export function useProposals(status: ProposalStatus | undefined) {
  return useInfiniteQuery<ProposalsPage, ApiError, { pages: ProposalsPage[] }, readonly unknown[], string | undefined>({
    queryKey: ['proposals.find', { status }],
    queryFn: ({ pageParam, signal }) => call('proposals.find', { limit: 50, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useMarkProposalSeen = () => useActionMutation('proposals.markSeen', proposalViews);
export const useRejectProposal = () => useActionMutation('proposals.reject', proposalViews);
