import { useTranslation } from 'react-i18next';
import type { BreakGlassItem } from '@siso/shared';
import { formatDateTime } from '../../../lib/format';

interface BreakGlassTableProps {
  items: BreakGlassItem[];
  caption: string;
  /** Opens the audit trail of the record the access was opened on. */
  onShowRecord: (b: BreakGlassItem) => void;
}

/** Emergency accesses: when, who (office, ente), on what, which data, why, open until when or closed. */
export function BreakGlassTable({ items, caption, onShowRecord }: BreakGlassTableProps) {
  const { t } = useTranslation();
  const kind = (k: string) => t(`sharing.kinds.${k}`, { defaultValue: t('sharing.kinds.other') });
  return (
    <div className="table-responsive">
      <table className="table table-sm align-middle">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('breakGlass.col.openedAt')}</th>
            <th scope="col">{t('breakGlass.col.operator')}</th>
            <th scope="col">{t('breakGlass.col.record')}</th>
            <th scope="col">{t('breakGlass.col.classes')}</th>
            <th scope="col">{t('breakGlass.col.reason')}</th>
            <th scope="col">{t('breakGlass.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((b) => (
            <tr key={b.id}>
              <th scope="row" className="fw-normal text-nowrap">{formatDateTime(b.openedAt)}</th>
              <td>
                {b.operatorName}
                <span className="d-block small">{`${b.officeName} · ${b.enteName}`}</span>
              </td>
              <td>
                {kind(b.recordKind)}
                <button type="button" className="btn btn-link btn-sm p-0 d-block text-start" onClick={() => onShowRecord(b)}>
                  {t('sharing.auditLink')}
                  <span className="visually-hidden">{` — ${kind(b.recordKind)}, ${b.operatorName}, ${formatDateTime(b.openedAt)}`}</span>
                </button>
              </td>
              <td className="small">{b.classes.map((c) => t(`breakGlass.classNames.${c}`)).join(', ')}</td>
              <td className="small text-break">{b.reason}</td>
              <td>
                <span className={`badge ${b.open ? 'bg-warning text-dark' : 'bg-secondary'}`}>{t(b.open ? 'breakGlass.status.open' : 'breakGlass.status.closed')}</span>
                <span className="d-block small text-nowrap">{t(b.open ? 'breakGlass.until' : 'breakGlass.closedAt', { at: formatDateTime(b.expiresAt) })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
