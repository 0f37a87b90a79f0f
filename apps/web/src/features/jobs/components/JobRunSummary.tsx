import { useTranslation } from 'react-i18next';
import type { JobRun } from '@siso/shared';

/** Outcome of a finished run: counts, the last progress message and the error, if any. */
export function JobRunSummary({ run }: { run: JobRun }) {
  const { t } = useTranslation();
  const { done, total, message } = run.progress;
  return (
    <>
      {(done > 0 || (total ?? 0) > 0) && (
        <span className="d-block small">
          {total ? t('jobs.progress.countedShort', { done, total }) : t('jobs.progress.uncounted', { done })}
        </span>
      )}
      {message && <span className="d-block small text-secondary">{message}</span>}
      {run.error && (
        <span className="d-block small text-danger">
          <span className="fw-semibold">{t('jobs.runs.error')}:</span> {run.error}
        </span>
      )}
    </>
  );
}
