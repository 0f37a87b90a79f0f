import { useTranslation } from 'react-i18next';
import type { AuditItem } from '@siso/shared';
import { formatDateTime } from '../../../lib/format';

interface AuditTableProps {
  items: AuditItem[];
  caption: string;
}

const badge: Record<AuditItem['outcome'], string> = { ok: 'bg-success', denied: 'bg-warning text-dark', failed: 'bg-danger' };

/** Audit rows: who did what, to whom, from where, and whether the row is sealed in the chain. */
export function AuditTable({ items, caption }: AuditTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table table-sm align-middle">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.seq')}</th>
            <th scope="col">{t('audit.col.time')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.outcome')}</th>
            <th scope="col">{t('audit.col.operator')}</th>
            <th scope="col">{t('audit.col.where')}</th>
            <th scope="col">{t('audit.col.subjects')}</th>
            <th scope="col">{t('audit.col.purpose')}</th>
            <th scope="col">{t('audit.col.chain')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.seq}>
              <th scope="row" className="fw-normal">
                {i.seq}
              </th>
              <td className="text-nowrap">{formatDateTime(i.time)}</td>
              <td>
                <code>{i.action}</code>
                {i.classesRead.length > 0 && <span className="d-block small">{t('audit.classesRead', { classes: i.classesRead.join(', ') })}</span>}
                {i.classesChanged.length > 0 && <span className="d-block small">{t('audit.classesChanged', { classes: i.classesChanged.join(', ') })}</span>}
              </td>
              <td>
                <span className={`badge ${badge[i.outcome]}`}>{t(`audit.outcome.${i.outcome}`)}</span>
                {i.errorCode && <code className="d-block small">{i.errorCode}</code>}
              </td>
              <td>{i.operator ? `${i.operator.name} (${i.operator.username})` : '—'}</td>
              <td className="small">{[i.enteName, i.officeName].filter(Boolean).join(' · ') || '—'}</td>
              <td className="small">
                {i.subjects.map((s) => <code key={s} className="d-block">{s}</code>)}
                {i.targets.map((x) => <span key={`${x.kind}:${x.id}`} className="d-block">{`${x.kind}: ${x.id}`}</span>)}
              </td>
              <td className="small">{i.purpose ?? '—'}</td>
              <td className="small text-nowrap">{i.sealed ? t('audit.sealedAt', { pos: i.chainPos }) : t('audit.pending')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
