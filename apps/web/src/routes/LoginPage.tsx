import { useTranslation } from 'react-i18next';
import { LoginForm } from '../features/session/components/LoginForm';
import { useLogin } from '../features/session/hooks/useSessionActions';
import { usePageTitle } from '../features/common/hooks/usePageTitle';

/** Shown by the session gate whenever nobody is logged in; the address stays the one requested. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const login = useLogin();
  const outcome = login.data;
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-5">
        <h1 className="h2 mb-2">{t('login.title')}</h1>
        <p className="lead mb-4">{t('login.intro')}</p>
        {outcome && outcome !== 'ok' && (
          <div className="alert alert-warning" role="alert">
            {t(outcome === 'totp_required' ? 'login.totpUnavailable' : 'login.passwordChangeUnavailable')}
          </div>
        )}
        <LoginForm onSubmit={(v) => login.mutate(v)} pending={login.isPending} error={login.error} />
      </div>
    </div>
  );
}
