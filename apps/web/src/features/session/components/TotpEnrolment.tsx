import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { useConfirmTotp, useEnrollTotp } from '../hooks/useAuthSteps';
import { TotpCodeForm } from './TotpCodeForm';

/**
 * Enrolment of an authenticator app: a QR code of the otpauth:// URI, the base32 secret for manual
 * entry (for those who cannot scan), then a first code to confirm.
 */
export function TotpEnrolment({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const enroll = useEnrollTotp();
  const confirm = useConfirmTotp();
  const [qr, setQr] = useState<string | null>(null);
  const uri = enroll.data?.uri;

  useEffect(() => {
    if (!uri) return;
    let live = true;
    void QRCode.toDataURL(uri, { margin: 1, width: 200 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [uri]);

  if (!enroll.data) {
    return (
      <>
        {enroll.error && <ErrorNotice error={enroll.error} />}
        <p>{t('authSteps.enrolIntro')}</p>
        <button type="button" className="btn btn-primary" onClick={() => enroll.mutate()} disabled={enroll.isPending}>
          {t('authSteps.enrolStart')}
        </button>
      </>
    );
  }
  return (
    <>
      <ol>
        <li>{t('authSteps.enrolScan')}</li>
        <li>{t('authSteps.enrolConfirm')}</li>
      </ol>
      {qr && <img src={qr} width={200} height={200} alt={t('authSteps.qrAlt')} className="mb-3" />}
      <p>
        {t('authSteps.secretLabel')}{' '}
        <code className="user-select-all" data-testid="totp-secret">
          {enroll.data.secret}
        </code>
      </p>
      <TotpCodeForm
        onSubmit={(code) => confirm.mutate({ code }, { onSuccess: () => onDone?.() })}
        pending={confirm.isPending}
        error={confirm.error}
        submitLabel={t('authSteps.enrolSubmit')}
      />
    </>
  );
}
