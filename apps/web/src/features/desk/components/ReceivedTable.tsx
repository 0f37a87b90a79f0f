import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TransferView } from '@siso/shared';
import { formatDateTime } from '../../../lib/format';

/** Schede sent to this desk by other desks, each with "Apri" to accept or refuse it. */
export function ReceivedTable({ items }: { items: TransferView[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption className="visually-hidden">{t('desk.home.received')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk.table.number')}</th>
            <th scope="col">{t('desk.table.from')}</th>
            <th scope="col">{t('desk.table.sentAt')}</th>
            <th scope="col">{t('desk.table.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id}>
              <td>{x.snapshot.number}</td>
              <td>
                {x.sourceOfficeName}
                <span className="d-block small">{x.sourceEnteName}{x.sourceAmbitoName ? ` — ${x.sourceAmbitoName}` : ''}</span>
              </td>
              <td>
                {formatDateTime(x.sentAt)}
                <span className="d-block small">{x.sentByName}</span>
              </td>
              <td>{t(`desk.transferStatuses.${x.status}`)}</td>
              <td>
                <Link to={`/sportello/ricevute/${x.id}`} aria-label={t('desk.home.openReceived', { number: x.snapshot.number })}>
                  {t('desk.table.open')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
