import { useTranslation } from 'react-i18next';
import type { AlertView } from '@siso/shared';
import { Dropdown } from '../../common/components/Dropdown';
import { Icon } from '../../common/components/Icon';
import { usePermission } from '../../session/hooks/useSession';
import { useAlerts, useMarkAlertsRead } from '../hooks/useAlerts';
import { AlertsPanel } from './AlertsPanel';

/** The bell of the centre header: unread count as a badge, the operator's alerts in a panel. */
export function AlertsBell() {
  const { t } = useTranslation();
  const canFind = usePermission('alerts.find');
  const canMark = usePermission('alerts.markRead');
  const alerts = useAlerts(canFind);
  const markRead = useMarkAlertsRead();
  const unread = alerts.data?.unreadCount ?? 0;

  const mark = (alert: AlertView) => markRead.mutate({ ids: [alert.id] });
  return (
    <Dropdown
      className="dropdown alerts-bell"
      buttonClassName="btn btn-link p-1 position-relative text-white"
      alignEnd
      showCaret={false}
      ariaLabel={unread > 0 ? t('alerts.buttonUnread', { count: unread }) : t('alerts.button')}
      menuClassName="alerts-panel p-0"
      onOpen={() => void alerts.refetch()}
      label={
        <>
          <Icon name="it-horn" color="white" />
          {unread > 0 && (
            <span className="badge rounded-pill bg-danger position-absolute top-0 start-100 translate-middle" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </>
      }
    >
      {(close) => (
        <AlertsPanel
          query={alerts}
          canMark={canMark}
          marking={markRead.isPending}
          onMarkAll={() => markRead.mutate({ all: true })}
          onMarkRead={mark}
          onOpen={(alert) => {
            if (canMark && alert.readAt === null) mark(alert);
            close();
          }}
        />
      )}
    </Dropdown>
  );
}
