import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '@siso/shared';
import { formatDateTime } from '../../../lib/format';
import { routeForLink } from '../recordLinks';

interface AlertItemProps {
  alert: AlertView;
  onOpen: (alert: AlertView) => void;
  /** Absent when the operator may not mark alerts as read. */
  onMarkRead?: ((alert: AlertView) => void) | undefined;
}

/** One alert: the title links to its record when the app knows the kind, otherwise it is plain text. */
export function AlertItem({ alert, onOpen, onMarkRead }: AlertItemProps) {
  const { t } = useTranslation();
  const to = routeForLink(alert.link);
  const unread = alert.readAt === null;
  return (
    <li className={`alert-item px-3 py-2 border-bottom${unread ? ' alert-item-unread' : ''}`}>
      <p className="mb-1 fw-semibold">
        {unread && <span className="visually-hidden">{t('alerts.unread')}: </span>}
        {to ? (
          <Link to={to} onClick={() => onOpen(alert)}>
            {alert.title}
          </Link>
        ) : (
          alert.title
        )}
      </p>
      {alert.body && <p className="small mb-1">{alert.body}</p>}
      <div className="d-flex justify-content-between align-items-center gap-2">
        <span className="small text-secondary">{formatDateTime(alert.createdAt)}</span>
        {unread && onMarkRead && (
          <button type="button" className="btn btn-link btn-sm p-0" onClick={() => onMarkRead(alert)}>
            {t('alerts.markRead')}
            <span className="visually-hidden">: {alert.title}</span>
          </button>
        )}
      </div>
    </li>
  );
}
