import { useTranslation } from 'react-i18next';
import { JobDefinitionRow } from './JobDefinitionRow';
import type { JobDefinition } from './JobDefinitionRow';

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
            <JobDefinitionRow key={job.name} job={job} canStart={canStart} starting={starting} onStart={onStart} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
