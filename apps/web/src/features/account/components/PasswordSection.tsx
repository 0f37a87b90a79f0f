import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../session/components/ChangePasswordForm';

export function PasswordSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="account-password" className="mb-5">
      <h2 id="account-password" className="h4">{t('account.passwordTitle')}</h2>
      <p>{t('account.passwordIntro')}</p>
      <ChangePasswordForm />
    </section>
  );
}
