import { useTranslation } from 'react-i18next';
import type { ActionOutput } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { isActiveRun } from '../hooks/useJobs';
import { JobProgressBar } from './JobProgressBar';
import { JobStatusBadge } from './JobStatusBadge';

export type JobDefinition = ActionOutput<'jobs.find'>['items'][number];

interface JobDefinitionRowProps {
  job: JobDefinition;
  canStart: boolean;
  starting: string | null;
  onStart: (job: JobDefinition) => void;
}

/** A defined job: title and description, schedule, last run (with progress while active), start. */
export function JobDefinitionRow({ job, canStart, starting, onStart }: JobDefinitionRowProps) {
  const { t } = useTranslation();
  const last = job.lastRun;
  return (
    <tr>
      <th scope="row" className="fw-normal">
        <span className="fw-semibold d-block">{job.title}</span>
        <span className="small d-block">{job.description}</span>
        <code className="small">{job.name}</code> <span className="small text-secondary">v{job.version}</span>
      </th>
      <td>
        {job.schedule ? <code>{job.schedule}</code> : t('jobs.definitions.noSchedule')}
        {job.manual && <span className="d-block small text-secondary">{t('jobs.definitions.manual')}</span>}
      </td>
      <td>
        {last ? (
          <>
            <JobStatusBadge status={last.status} />
            <span className="d-block small">{formatDateTime(last.startedAt ?? last.queuedAt)}</span>
            {isActiveRun(last) && (
              <JobProgressBar progress={last.progress} label={t('jobs.progress.of', { job: job.title })} />
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
  );
}
