import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IntakeSummary } from '@siso/shared';
import { formatDate } from '../../../lib/format';
import { personLabel } from '../lib/personLabel';

/** Schede as a table; the number opens the scheda. */
export function IntakeSummaryTable({ items, caption }: { items: IntakeSummary[]; caption: string }) {
  const { t } = useTranslation();
  const words = { anonymous: t('desk.anonymous'), masked: t('desk.masked') };
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk.table.number')}</th>
            <th scope="col">{t('desk.table.date')}</th>
            <th scope="col">{t('desk.table.person')}</th>
            <th scope="col">{t('desk.table.status')}</th>
            <th scope="col">{t('desk.table.outcome')}</th>
            <th scope="col">{t('desk.table.operator')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/sportello/schede/${s.id}`}>{s.number}</Link>
                {s.receivedFromOffice && <span className="d-block small">{t('desk.table.receivedFrom', { office: s.receivedFromOffice })}</span>}
              </td>
              <td>{formatDate(s.accessDate)}</td>
              <td>{personLabel(s.person, words)}</td>
              <td>
                <span className={`badge ${s.status === 'complete' ? 'bg-success' : 'bg-warning text-dark'}`}>{t(`desk.statuses.${s.status}`)}</span>
              </td>
              <td>{s.outcome ? t(`desk.outcomes.${s.outcome}`) : '—'}</td>
              <td>{s.operatorName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
