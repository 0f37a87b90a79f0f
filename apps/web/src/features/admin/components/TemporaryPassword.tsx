import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The temporary password, shown once: it is not stored anywhere the page could show it again. */
export function TemporaryPassword({ username, password, onDone }: { username: string; password: string; onDone: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="alert alert-success" role="status" tabIndex={-1} ref={ref}>
      <p>{t('admin.operators.temporaryPassword', { username })}</p>
      <p className="h5">
        <code>{password}</code>
      </p>
      <p className="small mb-2">{t('admin.operators.temporaryPasswordNote')}</p>
      <button type="button" className="btn btn-primary btn-sm" onClick={onDone}>
        {t('admin.operators.passwordNoted')}
      </button>
    </div>
  );
}
