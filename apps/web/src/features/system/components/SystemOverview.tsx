import { useTranslation } from 'react-i18next';
import type { ActionOutput } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';

type SystemInfo = ActionOutput<'system.get'>;

/** Version, runtime and database, as a description list. */
export function SystemOverview({ info }: { info: SystemInfo }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('system.version'), info.version],
    [t('system.node'), info.node],
    [t('system.startedAt'), formatDateTime(info.startedAt)],
    [t('system.dbKind'), t(`system.dbKinds.${info.db.kind}`)],
    [t('system.dbVersion'), info.db.serverVersion],
  ];
  return (
    <section aria-labelledby="system-overview-title" className="mb-5">
      <h2 id="system-overview-title" className="h4">
        {t('system.overview')}
      </h2>
      <dl className="row mb-0">
        {rows.map(([term, value]) => (
          <div key={term} className="col-12 col-md-6 col-lg-4 mb-3">
            <dt className="small text-secondary fw-normal">{term}</dt>
            <dd className="mb-0 fw-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
