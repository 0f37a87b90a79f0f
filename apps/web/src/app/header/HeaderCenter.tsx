import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../features/common/components/Icon';
import { AlertsBell } from '../../features/alerts/components/AlertsBell';
import { usePermission } from '../../features/session/hooks/useSession';
import { useSessionQuery } from '../../features/session/hooks/useSessionQuery';

/** Centre header: "SISO" with the current ente and office, the alerts bell and the context switch. */
export function HeaderCenter() {
  const { t } = useTranslation();
  const { data: session } = useSessionQuery();
  const ctx = session?.context;
  const canSeeAlerts = usePermission('alerts.find');
  return (
    <div className="it-header-center-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <div className="it-header-center-content-wrapper">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon name="it-pa" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t('app.name')}</div>
                    <div className="it-brand-tagline">
                      {ctx ? `${ctx.enteName} · ${ctx.officeName}` : t('app.fullName')}
                    </div>
                  </div>
                  <span className="visually-hidden">{t('header.homeLink')}</span>
                </Link>
              </div>
              {ctx && (
                <div className="it-right-zone gap-3">
                  {session.contexts.length > 1 && (
                    <Link to="/contesto" className="text-white small d-none d-md-inline">
                      {t('user.switchContext')}
                    </Link>
                  )}
                  {canSeeAlerts && <AlertsBell />}
                </div>
              )}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
