import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantListItem, GrantSubject, GrantView } from '@siso/shared';
import { fieldError } from '../../admin/components/FormFields';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { ReasonField } from '../../common/components/ReasonField';
import { Modal } from '../../desk/components/Modal';
import { todayInRome } from '../../desk/lib/period';
import { useSessionQuery } from '../../session/hooks/useSessionQuery';
import { useCreateGrant } from '../hooks/useGrants';
import { SubjectPicker } from './SubjectPicker';

const MIN_PURPOSE = 5;

interface ShareDialogProps {
  recordKind: GrantListItem['recordKind'];
  recordId: string;
  /** Whether the actor may write the record, hence share it with writing (the server checks it again). */
  canGiveWriting: boolean;
  onClose: () => void;
  onShared: (grant: GrantView, subject: GrantSubject) => void;
}

/**
 * "Condividi": with whom, for which period and purpose, read-only or with writing, optionally hiding
 * what the actor's office produced in the record (architecture: "Access grants").
 */
export function ShareDialog({ recordKind, recordId, canGiveWriting, onClose, onShared }: ShareDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const office = useSessionQuery().data?.context;
  const create = useCreateGrant();
  const [subject, setSubject] = useState<GrantSubject | null>(null);
  const [validFrom, setValidFrom] = useState(todayInRome());
  const [validTo, setValidTo] = useState('');
  const [purpose, setPurpose] = useState('');
  const [canWrite, setCanWrite] = useState(false);
  const [hide, setHide] = useState(false);
  const [tried, setTried] = useState(false);
  const purposeRef = useRef<HTMLTextAreaElement>(null);
  const purposeShort = purpose.trim().length < MIN_PURPOSE;
  const error = create.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!subject || purposeShort) {
      if (subject) purposeRef.current?.focus();
      return;
    }
    create.mutate(
      {
        recordKind, recordId, subjectKind: subject.kind, subjectId: subject.id, purpose: purpose.trim(), validFrom, validTo: validTo || null, canWrite,
        hideInfoFrom: hide && office ? office.officeId : null,
      },
      { onSuccess: (grant) => onShared(grant, subject) },
    );
  };
  return (
    <Modal title={t('sharing.form.title')} onClose={onClose} large>
      <form onSubmit={submit} noValidate>
        <p className="small">{t('sharing.form.intro')}</p>
        <p className="small">{t('common.requiredNote')}</p>
        {error && <ErrorNotice error={error} />}
        <SubjectField subject={subject} onChange={setSubject} error={tried && !subject ? t('sharing.form.subjectRequired') : fieldError(error, 'subjectId')} />
        <PeriodFields validFrom={validFrom} validTo={validTo} onFrom={setValidFrom} onTo={setValidTo} error={error} />
        <ReasonField
          id={`${id}-purpose`}
          label={t('sharing.form.purpose')}
          hint={t('sharing.form.purposeHint')}
          error={t('sharing.form.purposeShort')}
          invalid={(tried && purposeShort) || Boolean(fieldError(error, 'purpose'))}
          value={purpose}
          onChange={setPurpose}
          maxLength={500}
          inputRef={purposeRef}
        />
        <ModeField canWrite={canWrite} onChange={setCanWrite} canGiveWriting={canGiveWriting} />
        <div className="form-check mb-4">
          <input id={`${id}-hide`} type="checkbox" checked={hide} onChange={(e) => setHide(e.target.checked)} />
          <label htmlFor={`${id}-hide`}>
            {t('sharing.form.hide')}
            <span className="d-block small text-secondary">{t('sharing.form.hideHint', { office: office?.officeName ?? '' })}</span>
          </label>
        </div>
        <div className="d-flex gap-2 justify-content-end">
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? t('common.loading') : t('sharing.form.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The subject picker and, once chosen, the choice in words. */
function SubjectField({ subject, onChange, error }: { subject: GrantSubject | null; onChange: (s: GrantSubject | null) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <SubjectPicker value={subject} onChange={onChange} error={error} />
      {subject && <p className="small mb-4" role="status">{t('sharing.form.chosen', { subject: [subject.name, subject.detail].filter(Boolean).join(' — ') })}</p>}
    </>
  );
}

/** From (required, today by default) and to (optional): a share is time-bounded by its purpose. */
function PeriodFields(p: { validFrom: string; validTo: string; onFrom: (v: string) => void; onTo: (v: string) => void; error: unknown }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="row">
      {(['validFrom', 'validTo'] as const).map((k) => {
        const problem = fieldError(p.error, k);
        return (
          <div key={k} className="col-12 col-md-6">
            <div className="form-group">
              <label htmlFor={`${id}-${k}`} className="active">
                {t(`sharing.form.${k}`)}
                {k === 'validFrom' && <span aria-hidden="true"> *</span>}
              </label>
              <input
                id={`${id}-${k}`}
                type="date"
                className={`form-control${problem ? ' is-invalid' : ''}`}
                required={k === 'validFrom'}
                value={k === 'validFrom' ? p.validFrom : p.validTo}
                min={k === 'validTo' ? p.validFrom : undefined}
                aria-invalid={problem ? true : undefined}
                aria-describedby={`${id}-${k}-hint`}
                onChange={(e) => (k === 'validFrom' ? p.onFrom(e.target.value) : p.onTo(e.target.value))}
              />
              <small id={`${id}-${k}-hint`} className="form-text">
                {problem ?? t(`sharing.form.${k}Hint`)}
              </small>
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** Read-only or with writing; writing only for who may write the record. */
function ModeField({ canWrite, onChange, canGiveWriting }: { canWrite: boolean; onChange: (w: boolean) => void; canGiveWriting: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="mb-3">
      <legend className="h6">{t('sharing.form.mode')}</legend>
      {([false, true] as const).map((w) => (
        <div key={String(w)} className="form-check my-1">
          <input id={`${id}-${w}`} type="radio" name={`${id}-write`} checked={canWrite === w} disabled={w && !canGiveWriting} onChange={() => onChange(w)} />
          <label htmlFor={`${id}-${w}`}>
            {t(w ? 'sharing.mode.write' : 'sharing.mode.read')}
            <span className="d-block small text-secondary">
              {t(w ? (canGiveWriting ? 'sharing.form.writeHint' : 'sharing.form.writeUnavailable') : 'sharing.form.readHint')}
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}
