import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isMasked, type ConsentView } from '@siso/shared';
import { formatDate } from '../../../lib/format';
import { formatDateTime } from '../../../lib/format';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { useWithdrawConsent } from '../hooks/usePrivacy';

/**
 * The optional consents, in force and withdrawn. A consent given can be withdrawn at any time, with a
 * reason (GDPR art. 7(3)); the withdrawal is recorded, the consent stays listed as withdrawn.
 */
export function ConsentsList({ consents, onDone }: { consents: ConsentView[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  if (consents.length === 0) return <p>{t('privacy.consents.none')}</p>;
  return (
    <ul className="list-unstyled">
      {consents.map((c) => (
        <li key={c.id} className="border-bottom py-2">
          <div className="d-flex flex-wrap justify-content-between gap-2">
            <div>
              <strong>{c.typeLabel}</strong>: {c.given ? t('privacy.consents.given') : t('privacy.consents.refused')}{' '}
              <span className="small">({formatDate(c.givenOn)}, {t(`privacy.signers.${c.signerKind}`)}{isMasked(c.representative) ? ` ${t('persons.masked')}` : c.representative ? ` ${c.representative.surname} ${c.representative.name}` : ''})</span>
              {c.withdrawnAt && (
                <span className="d-block small">
                  <span className="badge bg-secondary me-1">{t('privacy.consents.withdrawn')}</span>
                  {t('privacy.consents.withdrawnOn', { when: formatDateTime(c.withdrawnAt), name: c.withdrawnByName ?? '—' })}
                  {isMasked(c.withdrawReason) ? ` — ${t('persons.masked')}` : c.withdrawReason && ` — ${c.withdrawReason}`}
                </span>
              )}
            </div>
            {!c.withdrawnAt && c.given && c.abilities.includes('consents.withdraw') && withdrawing !== c.id && (
              <button type="button" className="btn btn-outline-danger btn-xs" onClick={() => setWithdrawing(c.id)}>
                {t('privacy.consents.withdraw')}
                <span className="visually-hidden"> {c.typeLabel}</span>
              </button>
            )}
          </div>
          {withdrawing === c.id && (
            <WithdrawForm
              consent={c}
              onClose={() => setWithdrawing(null)}
              onDone={() => {
                setWithdrawing(null);
                onDone(t('privacy.consents.withdrawDone', { type: c.typeLabel }));
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function WithdrawForm({ consent, onClose, onDone }: { consent: ConsentView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const withdraw = useWithdrawConsent();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setShort(true);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setShort(false);
    withdraw.mutate({ consentId: consent.id, reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form className="mt-2" onSubmit={submit} noValidate onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      {withdraw.error && <ErrorNotice error={withdraw.error} />}
      <div className="form-group mb-2">
        <label htmlFor={`${id}-reason`} className="active">
          {t('privacy.consents.reason', { type: consent.typeLabel })}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          id={`${id}-reason`}
          className={`form-control${short ? ' is-invalid' : ''}`}
          value={reason}
          maxLength={500}
          required
          aria-required
          aria-invalid={short || undefined}
          aria-describedby={short ? `${id}-error` : undefined}
          autoFocus
          onChange={(e) => setReason(e.target.value)}
        />
        {short && (
          <div id={`${id}-error`} className="invalid-feedback d-block">
            {t('privacy.consents.reasonShort')}
          </div>
        )}
      </div>
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-danger btn-sm" disabled={withdraw.isPending}>
          {t('privacy.consents.confirmWithdraw')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
