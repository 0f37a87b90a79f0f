import { useTranslation } from 'react-i18next';

/** A loading state announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  const text = label ?? t('common.loading');
  return (
    <div className="d-flex align-items-center gap-3 py-4" role="status" aria-live="polite">
      <div className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}
