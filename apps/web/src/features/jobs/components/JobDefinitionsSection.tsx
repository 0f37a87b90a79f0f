import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../session/hooks/useSession';
import { EmptyState } from '../../common/components/EmptyState';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useJobDefinitions, useStartJob } from '../hooks/useJobs';
import { JobDefinitionsTable } from './JobDefinitionsTable';

/** The defined jobs, with "Avvia ora" for manual ones; the outcome is announced in a live region. */
export function JobDefinitionsSection() {
  const { t } = useTranslation();
  const canStart = usePermission('jobs.start');
  const definitions = useJobDefinitions();
  const start = useStartJob();
  const [startedJob, setStartedJob] = useState<string | null>(null);
  const announcement = startedJob ? t('jobs.started', { job: startedJob }) : '';
  const starting = start.isPending ? (start.variables?.name ?? null) : null;

  const onStart = (job: { name: string; title: string }) => {
    setStartedJob(null);
    start.mutate(
      { name: job.name },
      { onSuccess: () => setStartedJob(job.title) },
    );
  };

  return (
    <section aria-labelledby="jobs-definitions-title" className="mb-5">
      <h2 id="jobs-definitions-title" className="h4">
        {t('jobs.definitions.title')}
      </h2>
      <div role="status" aria-live="polite" className={announcement ? 'alert alert-success' : 'visually-hidden'}>
        {announcement}
      </div>
      {start.error && <ErrorNotice error={start.error} />}
      {definitions.isPending && <Loading />}
      {definitions.error && <ErrorNotice error={definitions.error} onRetry={() => void definitions.refetch()} />}
      {definitions.data && definitions.data.items.length === 0 && <EmptyState title={t('jobs.definitions.empty')} />}
      {definitions.data && definitions.data.items.length > 0 && (
        <JobDefinitionsTable items={definitions.data.items} canStart={canStart} starting={starting} onStart={onStart} />
      )}
    </section>
  );
}
