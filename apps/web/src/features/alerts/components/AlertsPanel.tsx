import { useTranslation } from 'react-i18next';
import type { AlertView } from '@siso/shared';
import type { ApiError, ActionOutput } from '../../../lib/api';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { AlertItem } from './AlertItem';

interface AlertsPanelProps {
  query: { data?: ActionOutput<'alerts.find'> | undefined; isPending: boolean; error: ApiError | null };
  canMark: boolean;
  marking: boolean;
  onMarkAll: () => void;
  onMarkRead: (alert: AlertView) => void;
  onOpen: (alert: AlertView) => void;
}

export function AlertsPanel({ query, canMark, marking, onMarkAll, onMarkRead, onOpen }: AlertsPanelProps) {
  const { t } = useTranslation();
  const { data, isPending, error } = query;
  const unread = data?.unreadCount ?? 0;
  return (
    <div className="alerts-panel-body">
      <div className="d-flex justify-content-between align-items-center px-3 py-2 border-bottom">
        <h2 className="h6 mb-0">{t('alerts.title')}</h2>
        {canMark && unread > 0 && (
          <button type="button" className="btn btn-link btn-sm p-0" disabled={marking} onClick={onMarkAll}>
            {t('alerts.markAll')}
          </button>
        )}
      </div>
      {isPending && (
        <div className="px-3">
          <Loading />
        </div>
      )}
      {error && (
        <div className="p-2">
          <ErrorNotice error={error} />
        </div>
      )}
      {data && data.items.length === 0 && <p className="px-3 py-3 mb-0 text-secondary">{t('alerts.empty')}</p>}
      {data && data.items.length > 0 && (
        <ul className="list-unstyled mb-0">
          {data.items.map((a) => (
            <AlertItem
              key={a.id}
              alert={a}
              onOpen={onOpen}
              onMarkRead={canMark ? onMarkRead : undefined}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
