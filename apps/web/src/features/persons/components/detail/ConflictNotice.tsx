import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** 409: someone else saved the person meanwhile. Nothing typed is lost; reloading takes their version. */
export function ConflictNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="alert alert-warning" role="alert" tabIndex={-1}>
      <p>{t('persons.form.conflict')}</p>
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
        {t('persons.form.reload')}
      </button>
    </div>
  );
}
