import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TotpEnrolment } from '../../session/components/TotpEnrolment';

/** Two-factor authentication: on (reset by an administrator only) or the enrolment. */
export function TotpSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  return (
    <section aria-labelledby="account-totp" className="mb-5">
      <h2 id="account-totp" className="h4">{t('account.totpTitle')}</h2>
      <div role="status">{(enabled || done) && <p className="text-success">{t('account.totpOn')}</p>}</div>
      {!enabled && !done && <TotpEnrolment onDone={() => setDone(true)} />}
    </section>
  );
}
