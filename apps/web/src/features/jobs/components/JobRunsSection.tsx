import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../common/components/EmptyState';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useJobDefinitions, useJobRuns } from '../hooks/useJobs';
import type { RunFilters } from '../hooks/useJobs';
import { JobRunsFilters } from './JobRunsFilters';
import { JobRunsTable } from './JobRunsTable';

/** The run history, filtered and paged with the keyset cursor; active runs are polled. */
export function JobRunsSection() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<RunFilters>({});
  const definitions = useJobDefinitions();
  const runs = useJobRuns(filters);
  const jobs = useMemo(
    () => (definitions.data?.items ?? []).map((d) => ({ name: d.name, title: d.title })),
    [definitions.data],
  );
  const titles = useMemo(() => new Map(jobs.map((j) => [j.name, j.title])), [jobs]);
  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="jobs-runs-title">
      <h2 id="jobs-runs-title" className="h4">
        {t('jobs.runs.title')}
      </h2>
      <JobRunsFilters value={filters} onChange={setFilters} jobs={jobs} />
      {runs.isPending && <Loading />}
      {runs.error && <ErrorNotice error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.data && items.length === 0 && <EmptyState title={t('jobs.runs.empty')} />}
      {items.length > 0 && <JobRunsTable runs={items} titles={titles} />}
      {runs.hasNextPage && (
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={runs.isFetchingNextPage}
          onClick={() => void runs.fetchNextPage()}
        >
          {runs.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
