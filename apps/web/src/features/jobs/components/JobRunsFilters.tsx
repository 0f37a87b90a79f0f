import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { jobRunStatus } from '@siso/shared';
import type { RunFilters } from '../hooks/useJobs';

interface JobRunsFiltersProps {
  value: RunFilters;
  onChange: (value: RunFilters) => void;
  jobs: { name: string; title: string }[];
}

/** Filters of the run history: by job and by status. */
export function JobRunsFilters({ value, onChange, jobs }: JobRunsFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="row gx-3 mt-4 mb-2">
      <div className="col-12 col-md-6 col-lg-4">
        <div className="select-wrapper">
          <label htmlFor={`${id}-job`}>{t('jobs.runs.filterJob')}</label>
          <select
            id={`${id}-job`}
            value={value.jobName ?? ''}
            onChange={(e) => onChange({ ...value, jobName: e.target.value || undefined })}
          >
            <option value="">{t('jobs.runs.allJobs')}</option>
            {jobs.map((j) => (
              <option key={j.name} value={j.name}>
                {j.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="col-12 col-md-6 col-lg-4">
        <div className="select-wrapper">
          <label htmlFor={`${id}-status`}>{t('jobs.runs.filterStatus')}</label>
          <select
            id={`${id}-status`}
            value={value.status ?? ''}
            onChange={(e) => {
              const status = jobRunStatus.safeParse(e.target.value);
              onChange({ ...value, status: status.success ? status.data : undefined });
            }}
          >
            <option value="">{t('jobs.runs.allStatuses')}</option>
            {jobRunStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`jobs.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
