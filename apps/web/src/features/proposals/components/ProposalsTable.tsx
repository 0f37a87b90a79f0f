import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '@siso/shared';
import { formatDate } from '../../../lib/format';
import { personLabel } from '../../desk/lib/personLabel';
import { ProposalStatusBadge } from './ProposalStatusBadge';

/**
 * Proposals as a table. With `onOpen` (the inbox of the professional service) each row has a button
 * that opens the proposal; otherwise the number links to the scheda.
 */
export function ProposalsTable({ items, caption, onOpen }: { items: ProposalView[]; caption: string; onOpen?: (p: ProposalView) => void }) {
  const { t } = useTranslation();
  const words = { anonymous: t('desk.anonymous'), masked: t('desk.masked') };
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('proposals.table.intake')}</th>
            <th scope="col">{t('proposals.table.date')}</th>
            <th scope="col">{t('proposals.table.person')}</th>
            <th scope="col">{t('proposals.table.from')}</th>
            <th scope="col">{t('proposals.table.category')}</th>
            <th scope="col">{t('proposals.table.status')}</th>
            {onOpen && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>{onOpen ? p.intakeNumber : <Link to={`/sportello/schede/${p.intakeId}`}>{p.intakeNumber}</Link>}</td>
              <td>{formatDate(p.accessDate)}</td>
              <td>{personLabel(p.person, words)}</td>
              <td>
                {p.sourceOfficeName}
                <span className="d-block small">{p.sourceEnteName}</span>
              </td>
              <td>{t(`proposals.categories.${p.socialCategory}`)}</td>
              <td>
                <ProposalStatusBadge status={p.status} />
              </td>
              {onOpen && (
                <td>
                  <button type="button" className="btn btn-link btn-xs p-0" onClick={() => onOpen(p)} aria-label={t('proposals.open', { number: p.intakeNumber })}>
                    {t('desk.table.open')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
