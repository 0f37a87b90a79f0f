import { useTranslation } from 'react-i18next';
import { useAction } from '../../../lib/query';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useLogoutEverywhere } from '../../session/hooks/useAuthSteps';

const when = (iso: string, lang: string) => new Date(iso).toLocaleString(lang, { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'short' });

/** The operator's open sessions and "log out everywhere" (a lost or shared device). */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const sessions = useAction('auth.sessions', {});
  const logoutAll = useLogoutEverywhere();
  return (
    <section aria-labelledby="account-sessions" className="mb-5">
      <h2 id="account-sessions" className="h4">{t('account.sessionsTitle')}</h2>
      {sessions.isPending && <Loading />}
      {sessions.error && <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t('account.sessionsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.device')}</th>
                <th scope="col">{t('account.ip')}</th>
                <th scope="col">{t('account.created')}</th>
                <th scope="col">{t('account.lastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.items.map((s) => (
                <tr key={`${s.createdAt}-${s.lastSeenAt}-${s.ip ?? ''}`}>
                  <td>
                    {s.userAgent ?? t('account.unknownDevice')}
                    {s.current && <span className="badge bg-primary ms-2">{t('account.current')}</span>}
                  </td>
                  <td>{s.ip ?? '—'}</td>
                  <td>{when(s.createdAt, i18n.language)}</td>
                  <td>{when(s.lastSeenAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {logoutAll.error && <ErrorNotice error={logoutAll.error} />}
      <button type="button" className="btn btn-outline-danger" onClick={() => logoutAll.mutate()} disabled={logoutAll.isPending}>
        {t('account.logoutEverywhere')}
      </button>
    </section>
  );
}
