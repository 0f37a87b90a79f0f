import { useTranslation } from 'react-i18next';
import type { AlertPreference } from '@siso/shared';
import { useAction, useActionMutation } from '../../../lib/query';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';

/** One row per alert type, with in-app and e-mail checkboxes saved at once. */
export function AlertPreferencesSection() {
  const { t } = useTranslation();
  const prefs = useAction('alerts.getPreferences', {});
  const save = useActionMutation('alerts.setPreferences', ['alerts.getPreferences']);
  const toggle = (p: AlertPreference, channel: 'inApp' | 'email') => save.mutate({ items: [{ ...p, [channel]: !p[channel] }] });
  return (
    <section aria-labelledby="account-alerts" className="mb-5">
      <h2 id="account-alerts" className="h4">{t('account.alertsTitle')}</h2>
      <p>{t('account.alertsIntro')}</p>
      {prefs.isPending && <Loading />}
      {prefs.error && <ErrorNotice error={prefs.error} onRetry={() => void prefs.refetch()} />}
      {save.error && <ErrorNotice error={save.error} />}
      <div role="status" className="visually-hidden">{save.isSuccess ? t('account.saved') : ''}</div>
      {prefs.data && (
        <table className="table">
          <caption className="visually-hidden">{t('account.alertsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.alertType')}</th>
              <th scope="col">{t('account.inApp')}</th>
              <th scope="col">{t('account.email')}</th>
            </tr>
          </thead>
          <tbody>
            {(save.data ?? prefs.data).items.map((p) => {
              const label = t(`account.alertTypes.${p.type}`);
              return (
                <tr key={p.type}>
                  <th scope="row">{label}</th>
                  {(['inApp', 'email'] as const).map((channel) => (
                    <td key={channel}>
                      <div className="form-check">
                        <input
                          id={`pref-${p.type}-${channel}`}
                          type="checkbox"
                          className="form-check-input"
                          checked={p[channel]}
                          disabled={save.isPending}
                          onChange={() => toggle(p, channel)}
                        />
                        <label htmlFor={`pref-${p.type}-${channel}`} className="visually-hidden">
                          {`${label}: ${t(`account.${channel}`)}`}
                        </label>
                      </div>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
