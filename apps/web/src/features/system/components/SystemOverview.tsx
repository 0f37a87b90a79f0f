import { useTranslation } from 'react-i18next';
import type { ActionOutput } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';

type SystemInfo = ActionOutput<'system.get'>;

/** Version, runtime and database, as a description list. */
export function SystemOverview({ info }: { info: SystemInfo }) {
  const { t } = useTranslation();
  // The database's own version string can be long (PGlite reports its build): it gets a wider column.
  const rows: [string, string, boolean?][] = [
    [t('system.version'), info.version],
    [t('system.node'), info.node],
    [t('system.startedAt'), formatDateTime(info.startedAt)],
    [t('system.dbKind'), t(`system.dbKinds.${info.db.kind}`)],
    [t('system.dbVersion'), info.db.serverVersion, true],
  ];
  return (
    <section aria-labelledby="system-overview-title" className="mb-5">
      <h2 id="system-overview-title" className="h4">
        {t('system.overview')}
      </h2>
      <dl className="row mb-0">
        {rows.map(([term, value, wide]) => (
          <div key={term} className={`col-12 mb-3 ${wide ? 'col-lg-8' : 'col-md-6 col-lg-4'}`}>
            <dt className="small text-secondary fw-normal">{term}</dt>
            <dd className="mb-0 fw-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
