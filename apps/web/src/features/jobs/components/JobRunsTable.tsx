import { useTranslation } from 'react-i18next';
import type { JobRun } from '@siso/shared';
import { formatDateTime, formatDuration } from '../../../lib/format';
import { isActiveRun } from '../hooks/useJobs';
import { JobProgressBar } from './JobProgressBar';
import { JobRunSummary } from './JobRunSummary';
import { JobStatusBadge } from './JobStatusBadge';

interface JobRunsTableProps {
  runs: JobRun[];
  /** Job titles by name, from `jobs.find`. */
  titles: Map<string, string>;
}

export function JobRunsTable({ runs, titles }: JobRunsTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table table-sm align-middle">
        <caption className="visually-hidden">{t('jobs.runs.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('jobs.runs.job')}</th>
            <th scope="col">{t('jobs.runs.status')}</th>
            <th scope="col">{t('jobs.runs.trigger')}</th>
            <th scope="col">{t('jobs.runs.queuedAt')}</th>
            <th scope="col">{t('jobs.runs.startedAt')}</th>
            <th scope="col">{t('jobs.runs.duration')}</th>
            <th scope="col" style={{ minWidth: '12rem' }}>{t('jobs.runs.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const title = titles.get(run.jobName) ?? run.jobName;
            return (
              <tr key={run.id}>
                <th scope="row" className="fw-normal">
                  <span className="d-block">{title}</span>
                  <code className="small">{run.jobName}</code>
                </th>
                <td>
                  <JobStatusBadge status={run.status} />
                  {run.attempt > 1 && (
                    <span className="d-block small">{t('jobs.runs.attempt', { attempt: run.attempt })}</span>
                  )}
                </td>
                <td>{t(`jobs.trigger.${run.trigger}`)}</td>
                <td className="text-nowrap">{formatDateTime(run.queuedAt)}</td>
                <td className="text-nowrap">{formatDateTime(run.startedAt)}</td>
                <td className="text-nowrap">{formatDuration(run.durationMs)}</td>
                <td>
                  {isActiveRun(run) ? (
                    <JobProgressBar progress={run.progress} label={t('jobs.progress.of', { job: title })} />
                  ) : (
                    <JobRunSummary run={run} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
