import { useTranslation } from 'react-i18next';
import type { ActionOutput } from '../../../lib/api';
import { formatInteger } from '../../../lib/format';
import { EmptyState } from '../../common/components/EmptyState';

type Dataset = ActionOutput<'system.get'>['referenceData'][number];

export function ReferenceDataTable({ datasets }: { datasets: Dataset[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="system-reference-title" className="mb-5">
      <h2 id="system-reference-title" className="h4">
        {t('system.referenceData.title')}
      </h2>
      {datasets.length === 0 ? (
        <EmptyState title={t('system.referenceData.empty')} />
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('system.referenceData.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('system.referenceData.name')}</th>
                <th scope="col" className="text-end">
                  {t('system.referenceData.rows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.name}>
                  <th scope="row" className="fw-normal">
                    <code>{d.name}</code>
                  </th>
                  <td className="text-end">{formatInteger(d.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
