import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ActionOutput } from '../../../lib/api';
import { formatInteger } from '../../../lib/format';
import { usePermission } from '../../session/hooks/useSession';

type Counters = ActionOutput<'system.get'>['jobs'];

/** Queue counters as cards, with a link to the job page when the operator may see it. */
export function JobCounters({ jobs }: { jobs: Counters }) {
  const { t } = useTranslation();
  const canSeeJobs = usePermission('jobs.find');
  const cards: [string, number, string][] = [
    [t('system.jobs.definitions'), jobs.definitions, ''],
    [t('system.jobs.queued'), jobs.queued, ''],
    [t('system.jobs.running'), jobs.running, ''],
    [t('system.jobs.failedLast24h'), jobs.failedLast24h, jobs.failedLast24h > 0 ? 'text-danger' : ''],
  ];
  return (
    <section aria-labelledby="system-jobs-title" className="mb-5">
      <h2 id="system-jobs-title" className="h4">
        {t('system.jobs.title')}
      </h2>
      <ul className="row list-unstyled g-3 mb-3">
        {cards.map(([label, value, tone]) => (
          <li key={label} className="col-6 col-lg-3">
            <div className="border rounded p-3 h-100">
              <span className={`d-block h3 mb-1 ${tone}`}>{formatInteger(value)}</span>
              <span className="small">{label}</span>
            </div>
          </li>
        ))}
      </ul>
      {canSeeJobs && (
        <Link to="/sistema/job" className="btn btn-outline-primary btn-sm">
          {t('system.jobs.open')}
        </Link>
      )}
    </section>
  );
}
