import { useTranslation } from 'react-i18next';
import type { GrantListItem } from '@siso/shared';
import { periodText, statusBadge, subjectText } from '../lib/grantText';

interface GrantsTableProps {
  items: GrantListItem[];
  caption: string;
  /** The DPO's list names the record of each share (its kind) and offers its audit trail. */
  onShowRecord?: (g: GrantListItem) => void;
  onRevoke?: (g: GrantListItem) => void;
}

/** Shares: with whom, read-only or with writing, for which period and purpose, in force or not, who made them. */
export function GrantsTable({ items, caption, onShowRecord, onRevoke }: GrantsTableProps) {
  const { t } = useTranslation();
  const revocable = (g: GrantListItem) => Boolean(onRevoke) && g.abilities.includes('grants.revoke');
  const withActions = items.some(revocable);
  return (
    <div className="table-responsive">
      <table className="table table-sm align-middle">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {onShowRecord && <th scope="col">{t('sharing.col.record')}</th>}
            <th scope="col">{t('sharing.col.subject')}</th>
            <th scope="col">{t('sharing.col.mode')}</th>
            <th scope="col">{t('sharing.col.period')}</th>
            <th scope="col">{t('sharing.col.purpose')}</th>
            <th scope="col">{t('sharing.col.status')}</th>
            <th scope="col">{t('sharing.col.grantedBy')}</th>
            {withActions && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((g) => (
            <tr key={g.id}>
              {onShowRecord && (
                <td>
                  {t(`sharing.kinds.${g.recordKind}`)}
                  <button type="button" className="btn btn-link btn-sm p-0 d-block text-start" onClick={() => onShowRecord(g)}>
                    {t('sharing.auditLink')}
                    <span className="visually-hidden">{` — ${t(`sharing.kinds.${g.recordKind}`)}, ${subjectText(t, g)}`}</span>
                  </button>
                </td>
              )}
              <th scope="row" className="fw-normal">
                <span className="fw-semibold">{g.subjectName}</span>
                <span className="d-block small">{[t(`sharing.subjectKinds.${g.subjectKind}`), g.subjectDetail].filter(Boolean).join(' · ')}</span>
              </th>
              <td>
                {t(g.canWrite ? 'sharing.mode.write' : 'sharing.mode.read')}
                {g.hideInfoFromName && <span className="d-block small">{t('sharing.hidden', { office: g.hideInfoFromName })}</span>}
              </td>
              <td className="text-nowrap">{periodText(t, g)}</td>
              <td className="small text-break">{g.purpose}</td>
              <td>
                <span className={`badge ${statusBadge(g.status)}`}>{t(`sharing.status.${g.status}`)}</span>
              </td>
              <td className="small">{g.grantedByName ?? '—'}</td>
              {withActions && (
                <td>
                  {revocable(g) && (
                    <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => onRevoke?.(g)}>
                      {t('sharing.revoke')}
                      <span className="visually-hidden">{` ${subjectText(t, g)}`}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
