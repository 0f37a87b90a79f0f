import { useTranslation } from 'react-i18next';
import type { JobRun } from '@siso/shared';

const badgeClass: Record<JobRun['status'], string> = {
  queued: 'bg-secondary',
  running: 'bg-primary',
  succeeded: 'bg-success',
  failed: 'bg-danger',
  retrying: 'bg-warning text-dark',
  cancelled: 'bg-dark',
};

export function JobStatusBadge({ status }: { status: JobRun['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge ${badgeClass[status]}`}>{t(`jobs.status.${status}`)}</span>;
}
