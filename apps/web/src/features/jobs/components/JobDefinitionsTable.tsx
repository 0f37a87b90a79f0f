import { useTranslation } from 'react-i18next';
import type { ActionOutput } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { isActiveRun } from '../hooks/useJobs';
import { JobProgressBar } from './JobProgressBar';
import { JobStatusBadge } from './JobStatusBadge';

type JobDefinition = ActionOutput<'jobs.find'>['items'][number];

interface JobDefinitionsTableProps {
  items: JobDefinition[];
  /** Shown only when the server granted `jobs.start`; the button appears for manual jobs only. */
  canStart: boolean;
  starting: string | null;
  onStart: (job: JobDefinition) => void;
}

export function JobDefinitionsTable({ items, canStart, starting, onStart }: JobDefinitionsTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table align-middle">
        <caption className="visually-hidden">{t('jobs.definitions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('jobs.definitions.job')}</th>
            <th scope="col">{t('jobs.definitions.schedule')}</th>
            <th scope="col">{t('jobs.definitions.lastRun')}</th>
            {canStart && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((job) => (
            <tr key={job.name}>
              <th scope="row" className="fw-normal">
                <span className="fw-semibold d-block">{job.title}</span>
                <span className="small d-block">{job.description}</span>
                <code className="small">{job.name}</code>{' '}
                <span className="small text-secondary">v{job.version}</span>
              </th>
              <td>
                {job.schedule ? <code>{job.schedule}</code> : t('jobs.definitions.noSchedule')}
                {job.manual && <span className="d-block small text-secondary">{t('jobs.definitions.manual')}</span>}
              </td>
              <td>
                {job.lastRun ? (
                  <>
                    <JobStatusBadge status={job.lastRun.status} />
                    <span className="d-block small">{formatDateTime(job.lastRun.startedAt ?? job.lastRun.queuedAt)}</span>
                    {isActiveRun(job.lastRun) && (
                      <JobProgressBar progress={job.lastRun.progress} label={t('jobs.progress.of', { job: job.title })} />
                    )}
                  </>
                ) : (
                  t('jobs.definitions.never')
                )}
              </td>
              {canStart && (
                <td>
                  {job.manual && (
                    <button
                      type="button"
                      className="btn btn-primary btn-sm text-nowrap"
                      disabled={starting !== null}
                      aria-label={t('jobs.startLabel', { job: job.title })}
                      onClick={() => onStart(job)}
                    >
                      {starting === job.name ? t('jobs.starting') : t('jobs.start')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
