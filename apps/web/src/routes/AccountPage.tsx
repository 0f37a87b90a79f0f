import { useTranslation } from 'react-i18next';
import { AlertPreferencesSection } from '../features/account/components/AlertPreferencesSection';
import { PasswordSection } from '../features/account/components/PasswordSection';
import { SessionsSection } from '../features/account/components/SessionsSection';
import { TotpSection } from '../features/account/components/TotpSection';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { useSession } from '../features/session/hooks/useSession';

/** "Il mio profilo": password, two-factor authentication, open sessions, notification preferences. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const session = useSession();
  return (
    <>
      <h1 className="mb-2">{t('account.title')}</h1>
      <p className="lead mb-4">{t('account.intro', { name: session.operator.displayName, username: session.operator.username })}</p>
      <PasswordSection />
      <TotpSection enabled={session.totpEnabled} />
      <SessionsSection />
      <AlertPreferencesSection />
    </>
  );
}
