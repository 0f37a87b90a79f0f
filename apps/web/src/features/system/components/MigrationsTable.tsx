import { useTranslation } from 'react-i18next';
import type { ActionOutput } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { EmptyState } from '../../common/components/EmptyState';

type Migration = ActionOutput<'system.get'>['migrations'][number];

export function MigrationsTable({ migrations }: { migrations: Migration[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="system-migrations-title" className="mb-5">
      <h2 id="system-migrations-title" className="h4">
        {t('system.migrations.title')}
      </h2>
      {migrations.length === 0 ? (
        <EmptyState title={t('system.migrations.empty')} />
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('system.migrations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('system.migrations.id')}</th>
                <th scope="col">{t('system.migrations.name')}</th>
                <th scope="col">{t('system.migrations.appliedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {migrations.map((m) => (
                <tr key={m.id}>
                  <td>{m.id}</td>
                  <th scope="row" className="fw-normal">
                    <code>{m.name}</code>
                  </th>
                  <td className="text-nowrap">{formatDateTime(m.appliedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
