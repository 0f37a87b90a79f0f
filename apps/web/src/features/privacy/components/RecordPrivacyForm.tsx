import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeModes, signerKinds, type PrivacyView } from '@siso/shared';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { fieldError } from '../../admin/components/FormFields';
import { attachmentAccept, fileToAttachment, isAcceptedAttachment } from '../../../lib/files';
import { todayInRome } from '../../desk/lib/period';
import { useRecordConsents } from '../hooks/usePrivacy';
import { emptyPrivacyForm, privacyInput, privacyIssues, type ConsentChoice, type PrivacyFormState } from '../lib/privacyForm';

interface RecordPrivacyFormProps {
  personId: string;
  intakeId?: string | undefined;
  consentTypes: PrivacyView['consentTypes'];
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * "Registra informativa": the notice given (GDPR art. 13) with its date, how it was given, who signed
 * (the person or their legal representative) and the signed form (PDF, JPEG or PNG), plus the optional
 * consents the region offers, each "Sì", "No" or left unexpressed.
 */
export function RecordPrivacyForm({ personId, intakeId, consentTypes, onClose, onDone }: RecordPrivacyFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const today = todayInRome();
  const [s, setS] = useState<PrivacyFormState>(() => emptyPrivacyForm(today));
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const record = useRecordConsents();
  const set = <K extends keyof PrivacyFormState>(k: K, v: PrivacyFormState[K]) => setS((prev) => ({ ...prev, [k]: v }));
  const issueFor = (path: string) => issues.find((i) => i.path === path)?.message ?? fieldError(record.error, path);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const list = privacyIssues(s, today).map((i) => ({ path: i.path, message: t(`privacy.form.issues.${i.code}`) }));
    if (file && !isAcceptedAttachment(file)) list.push({ path: 'document', message: t('privacy.form.issues.fileType') });
    setIssues(list);
    if (list.length) {
      summary.current?.focus();
      return;
    }
    const document = s.recordNotice && file ? await fileToAttachment(file) : undefined;
    record.mutate(privacyInput(personId, s, { intakeId, document }), { onSuccess: () => onDone(t('privacy.form.saved')) });
  };
  const field = (path: string) => `${id}-${path}`;
  const described = (path: string) => (issueFor(path) ? `${field(path)}-error` : undefined);
  const errorOf = (path: string) => {
    const msg = issueFor(path);
    return msg ? <div id={`${field(path)}-error`} className="invalid-feedback d-block">{msg}</div> : null;
  };
  return (
    <form className="card card-bg p-3 my-3" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="h5">{t('privacy.form.title')}</h3>
      <div ref={summary} tabIndex={-1}>
        {issues.length > 0 && (
          <div className="alert alert-danger" role="alert">
            <p className="mb-1">{t('privacy.form.fix')}</p>
            <ul className="mb-0">
              {issues.map((i) => (
                <li key={i.path}>
                  <a href={`#${field(i.path)}`}>{i.message}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {record.error && <ErrorNotice error={record.error} />}
      <fieldset className="mb-3">
        <legend className="h6">{t('privacy.form.notice')}</legend>
        <div className="form-check">
          <input id={field('recordNotice')} type="checkbox" checked={s.recordNotice} onChange={(e) => set('recordNotice', e.target.checked)} />
          <label htmlFor={field('recordNotice')}>{t('privacy.form.recordNotice')}</label>
        </div>
        <div className="row">
          <div className="col-md-4 form-group">
            <label htmlFor={field('givenOn')} className="active">
              {t('privacy.form.givenOn')}
              <span aria-hidden="true"> *</span>
            </label>
            <input id={field('givenOn')} type="date" className="form-control" value={s.givenOn} max={today} required aria-required aria-invalid={issueFor('givenOn') ? true : undefined} aria-describedby={described('givenOn')} onChange={(e) => set('givenOn', e.target.value)} />
            {errorOf('givenOn')}
          </div>
          {s.recordNotice && (
            <div className="col-md-4 select-wrapper mb-4">
              <label htmlFor={field('mode')}>{t('privacy.form.mode')}</label>
              <select id={field('mode')} value={s.mode} onChange={(e) => set('mode', e.target.value as PrivacyFormState['mode'])}>
                {noticeModes.map((m) => <option key={m} value={m}>{t(`privacy.modes.${m}`)}</option>)}
              </select>
            </div>
          )}
          <div className="col-md-4 select-wrapper mb-4">
            <label htmlFor={field('signerKind')}>{t('privacy.form.signerKind')}</label>
            <select id={field('signerKind')} value={s.signerKind} onChange={(e) => set('signerKind', e.target.value as PrivacyFormState['signerKind'])}>
              {signerKinds.map((k) => <option key={k} value={k}>{t(`privacy.signers.${k}`)}</option>)}
            </select>
          </div>
        </div>
        {s.signerKind !== 'self' && (
          <fieldset className="mb-2">
            <legend className="small fw-semibold">{t('privacy.form.representative')}</legend>
            <div className="row">
              {(['repSurname', 'repName', 'repFiscalCode', 'repAppointment'] as const).map((k) => (
                <div key={k} className="col-md-6 form-group">
                  <label htmlFor={field(k)} className="active">
                    {t(`privacy.form.${k}`)}
                    {(k === 'repSurname' || k === 'repName') && <span aria-hidden="true"> *</span>}
                  </label>
                  <input
                    id={field(k)}
                    className="form-control"
                    value={s[k]}
                    maxLength={k === 'repAppointment' ? 300 : k === 'repFiscalCode' ? 16 : 100}
                    required={k === 'repSurname' || k === 'repName'}
                    aria-invalid={issueFor(k) ? true : undefined}
                    aria-describedby={described(k)}
                    onChange={(e) => set(k, e.target.value)}
                  />
                  {errorOf(k)}
                </div>
              ))}
            </div>
          </fieldset>
        )}
        {s.recordNotice && (
          <div className="form-group">
            <label htmlFor={field('document')} className="active">{t('privacy.form.document')}</label>
            <input id={field('document')} type="file" className="form-control" accept={attachmentAccept} aria-describedby={`${field('document')}-hint${issueFor('document') ? ` ${field('document')}-error` : ''}`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <small id={`${field('document')}-hint`} className="form-text">{t('privacy.form.documentHint')}</small>
            {errorOf('document')}
          </div>
        )}
      </fieldset>
      {consentTypes.length > 0 && (
        <fieldset id={field('consents')} className="mb-3" tabIndex={-1}>
          <legend className="h6">{t('privacy.form.consents')}</legend>
          {consentTypes.map((ct) => (
            <fieldset key={ct.code} className="mb-2">
              <legend className="small fw-semibold mb-0">{ct.label}</legend>
              {ct.description && <p className="small mb-1">{ct.description}</p>}
              <div className="d-flex flex-wrap gap-3">
                {(['yes', 'no', 'unset'] as const).map((v) => (
                  <div key={v} className="form-check form-check-inline">
                    <input
                      id={`${field('c')}-${ct.code}-${v}`}
                      type="radio"
                      name={`${field('c')}-${ct.code}`}
                      checked={(s.consents[ct.code] ?? 'unset') === v}
                      onChange={() => set('consents', { ...s.consents, [ct.code]: v as ConsentChoice })}
                    />
                    <label htmlFor={`${field('c')}-${ct.code}-${v}`}>{t(`privacy.form.choice.${v}`)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>
      )}
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={record.isPending}>
          {record.isPending ? t('common.loading') : t('privacy.form.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
