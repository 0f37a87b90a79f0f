import { useInfiniteQuery } from '@tanstack/react-query';
import type { JobRun } from '@siso/shared';
import { call } from '../../../lib/api';
import type { ActionOutput, ApiError } from '../../../lib/api';
import { useAction, useActionMutation } from '../../../lib/query';

/** While a run waits or works its progress is polled every 2 seconds. */
export const pollIntervalMs = 2000;

export function isActiveRun(run: Pick<JobRun, 'status'> | null | undefined): boolean {
  return run?.status === 'queued' || run?.status === 'running' || run?.status === 'retrying';
}

export function useJobDefinitions() {
  return useAction(
    'jobs.find',
    {},
    {
      refetchInterval: (q) => (q.state.data?.items.some((d) => isActiveRun(d.lastRun)) ? pollIntervalMs : false),
    },
  );
}

export interface RunFilters {
  jobName?: string | undefined;
  status?: JobRun['status'] | undefined;
}

type RunsPage = ActionOutput<'jobs.findRuns'>;

export function useJobRuns(filters: RunFilters) {
  return useInfiniteQuery<RunsPage, ApiError, { pages: RunsPage[] }, readonly unknown[], string | undefined>({
    queryKey: ['jobs.findRuns', filters],
    queryFn: ({ pageParam, signal }) =>
      call('jobs.findRuns', { limit: 25, cursor: pageParam, ...filters }, { signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some(isActiveRun)) ? pollIntervalMs : false,
  });
}

export function useStartJob() {
  return useActionMutation('jobs.start', ['jobs.find', 'jobs.findRuns', 'system.get']);
}
