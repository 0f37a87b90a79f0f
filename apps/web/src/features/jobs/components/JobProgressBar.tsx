import { useTranslation } from 'react-i18next';
import type { JobRun } from '@siso/shared';

interface JobProgressBarProps {
  progress: JobRun['progress'];
  /** Accessible name, e.g. "Avanzamento di Caricamento comuni". */
  label: string;
}

/**
 * Progress of a job run: a determinate bar when the total is known, an indeterminate one otherwise;
 * the counts and the job's own message are written next to it.
 */
export function JobProgressBar({ progress, label }: JobProgressBarProps) {
  const { t } = useTranslation();
  const { done, total, message } = progress;
  const determinate = total !== null && total > 0;
  const percent = determinate ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  const counts = determinate
    ? t('jobs.progress.counted', { done, total, percent })
    : t('jobs.progress.uncounted', { done });
  const valueText = message ? `${counts} — ${message}` : counts;
  return (
    <div className="job-progress">
      <div className={`progress${determinate ? '' : ' progress-indeterminate'}`}>
        <div
          className="progress-bar"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={valueText}
          style={determinate ? { width: `${percent}%` } : undefined}
        />
      </div>
      <p className="small mb-0 mt-1">
        {counts}
        {message && <span className="d-block text-secondary">{message}</span>}
      </p>
    </div>
  );
}
