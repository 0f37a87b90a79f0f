import { useTranslation } from 'react-i18next';
import { formatDateTime, formatInteger } from '../../../lib/format';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { useAuditVerify } from '../hooks/useAudit';

/** "Verifica integrità": seals pending rows, recomputes the chain, shows the first broken link. */
export function AuditVerifyPanel() {
  const { t } = useTranslation();
  const verify = useAuditVerify();
  const r = verify.data;
  return (
    <section aria-labelledby="audit-verify-title" className="mb-4">
      <h2 id="audit-verify-title" className="h4">
        {t('audit.verify.title')}
      </h2>
      <p>{t('audit.verify.intro')}</p>
      <button type="button" className="btn btn-primary" disabled={verify.isPending} onClick={() => verify.mutate({})}>
        {verify.isPending ? t('common.loading') : t('audit.verify.button')}
      </button>
      <div role="status" aria-live="polite" className="mt-3">
        {r && (
          <div className={`alert ${r.ok ? 'alert-success' : 'alert-danger'}`}>
            <p className="mb-1 fw-semibold">{r.ok ? t('audit.verify.ok') : t('audit.verify.broken')}</p>
            <p className="mb-1">{t('audit.verify.rows', { rows: formatInteger(r.rows), sealed: formatInteger(r.sealedNow), at: formatDateTime(r.verifiedAt) })}</p>
            {r.checkpoint && (
              <p className="mb-1">
                {t('audit.verify.checkpoint', { pos: r.checkpoint.chainPos, pruned: formatInteger(r.checkpoint.rowsPruned), at: formatDateTime(r.checkpoint.signedAt) })}
              </p>
            )}
            {r.firstBroken && (
              <p className="mb-0">
                {t('audit.verify.firstBroken', { pos: r.firstBroken.chainPos, seq: r.firstBroken.seq ?? '—', reason: r.firstBroken.reason })}
              </p>
            )}
          </div>
        )}
      </div>
      {verify.error && <ErrorNotice error={verify.error} />}
    </section>
  );
}
