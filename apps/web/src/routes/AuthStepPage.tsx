import { useTranslation } from 'react-i18next';
import type { SessionView } from '@siso/shared';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { ChangePasswordForm } from '../features/session/components/ChangePasswordForm';
import { TotpCodeForm } from '../features/session/components/TotpCodeForm';
import { TotpEnrolment } from '../features/session/components/TotpEnrolment';
import { useVerifyTotp } from '../features/session/hooks/useAuthSteps';
import { useLogout } from '../features/session/hooks/useSessionActions';

/**
 * The step left after the password (shown by the session gate): the TOTP code, the enrolment of an
 * authenticator when a profile requires one, or the forced change of password.
 */
export function AuthStepPage({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const verify = useVerifyTotp();
  const logout = useLogout();
  const step = session.status === 'password_change_required' ? 'password' : session.totpEnabled ? 'totp' : 'enrol';
  const title = t(`authSteps.${step}Title`);
  usePageTitle(title);
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <h1 className="h2 mb-2">{title}</h1>
        <p className="lead mb-4">{t(`authSteps.${step}Intro`)}</p>
        {step === 'totp' && (
          <TotpCodeForm onSubmit={(code) => verify.mutate({ code })} pending={verify.isPending} error={verify.error} submitLabel={t('authSteps.verify')} />
        )}
        {step === 'enrol' && <TotpEnrolment />}
        {step === 'password' && <ChangePasswordForm />}
        <button type="button" className="btn btn-link mt-3 px-0" onClick={() => logout.mutate()}>
          {t('authSteps.cancel')}
        </button>
      </div>
    </div>
  );
}
