import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoginForm } from '../features/session/components/LoginForm';
import { useAuthConfig } from '../features/session/hooks/useAuthSteps';
import { useLogin } from '../features/session/hooks/useSessionActions';
import { usePageTitle } from '../features/common/hooks/usePageTitle';

/**
 * Shown by the session gate whenever nobody is logged in; the address stays the one requested. The
 * SPID/CIE button appears only when the server has OpenID Connect configured (auth.config).
 */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const login = useLogin();
  const config = useAuthConfig();
  const [params] = useSearchParams();
  const oidcError = params.get('error');
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-5">
        <h1 className="h2 mb-2">{t('login.title')}</h1>
        <p className="lead mb-4">{t('login.intro')}</p>
        {(oidcError === 'oidc_unknown' || oidcError === 'oidc_failed') && (
          <div className="alert alert-danger" role="alert">
            {t(oidcError === 'oidc_unknown' ? 'login.oidcUnknown' : 'login.oidcFailed')}
          </div>
        )}
        {config.data?.oidc && (
          <p className="mb-4">
            {/* A full-page navigation: the identity provider's pages are not part of the app. */}
            <a className="btn btn-outline-primary" href="/api/auth/oidc/start">
              {t('login.oidc')}
            </a>
          </p>
        )}
        {config.data?.passwordLogin !== false && (
          <LoginForm onSubmit={(v) => login.mutate(v)} pending={login.isPending} error={login.error} />
        )}
      </div>
    </div>
  );
}
