import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutput } from '../../../lib/api';
import { fieldError } from '../../admin/components/FormFields';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { ReasonField } from '../../common/components/ReasonField';
import { Modal } from '../../desk/components/Modal';
import { useBreakGlassOpen } from '../hooks/useBreakGlass';
import type { BreakGlassClass } from './classes';

const MIN_REASON = 20;
const MIN_MINUTES = 5;
const MAX_MINUTES = 240;

interface BreakGlassDialogProps {
  recordKind: string;
  recordId: string;
  /** The classes the actor does not read here (breakGlass.find's `openable`). */
  openable: readonly BreakGlassClass[];
  onClose: () => void;
  onOpened: (opened: ActionOutput<'breakGlass.open'>) => void;
}

/**
 * "Accesso di emergenza" (architecture: break-the-glass): which masked data to open, why (at least 20
 * characters) and for how long (5–240 minutes). Checked here to say what is missing, and again by the
 * server, which audits the opening with the reason and reports it to the DPO.
 */
export function BreakGlassDialog({ recordKind, recordId, openable, onClose, onOpened }: BreakGlassDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const open = useBreakGlassOpen();
  // One class to open (the usual case: reserved notes) is chosen already; more, the operator picks.
  const [classes, setClasses] = useState<BreakGlassClass[]>(openable.length === 1 ? [...openable] : []);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [tried, setTried] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const minutesRef = useRef<HTMLInputElement>(null);
  const n = Number(minutes);
  const problems = {
    classes: classes.length === 0,
    reason: reason.trim().length < MIN_REASON,
    minutes: !Number.isInteger(n) || n < MIN_MINUTES || n > MAX_MINUTES,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.classes || problems.reason || problems.minutes) {
      if (problems.reason) reasonRef.current?.focus();
      else if (problems.minutes) minutesRef.current?.focus();
      return;
    }
    open.mutate({ recordKind, recordId, classes, reason: reason.trim(), minutes: n }, { onSuccess: onOpened });
  };
  return (
    <Modal title={t('breakGlass.title')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="small">{t('breakGlass.intro')}</p>
        {open.error && <ErrorNotice error={open.error} />}
        <ClassesField openable={openable} value={classes} onChange={setClasses} invalid={tried && problems.classes} />
        <ReasonField
          id={`${id}-reason`}
          label={t('breakGlass.reason')}
          hint={t('breakGlass.reasonHint', { count: reason.trim().length })}
          error={t('breakGlass.reasonShort', { min: MIN_REASON })}
          invalid={(tried && problems.reason) || Boolean(fieldError(open.error, 'reason'))}
          value={reason}
          onChange={setReason}
          maxLength={2000}
          inputRef={reasonRef}
        />
        <div className="form-group">
          <label htmlFor={`${id}-minutes`} className="active">
            {t('breakGlass.minutes')}
            <span aria-hidden="true"> *</span>
          </label>
          <input
            ref={minutesRef}
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={MIN_MINUTES}
            max={MAX_MINUTES}
            step={5}
            required
            className={`form-control${tried && problems.minutes ? ' is-invalid' : ''}`}
            aria-invalid={tried && problems.minutes ? true : undefined}
            aria-describedby={`${id}-minutes-hint`}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
          <small id={`${id}-minutes-hint`} className={tried && problems.minutes ? 'invalid-feedback d-block' : 'form-text'}>
            {t(tried && problems.minutes ? 'breakGlass.minutesInvalid' : 'breakGlass.minutesHint', { min: MIN_MINUTES, max: MAX_MINUTES })}
          </small>
        </div>
        <div className="d-flex gap-2 justify-content-end">
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={open.isPending}>
            {open.isPending ? t('common.loading') : t('breakGlass.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The classes to open, as checkboxes with their names in words. */
function ClassesField({ openable, value, onChange, invalid }: { openable: readonly BreakGlassClass[]; value: BreakGlassClass[]; onChange: (v: BreakGlassClass[]) => void; invalid: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="mb-4" aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend className="h6">
        {t('breakGlass.classes')}
        <span aria-hidden="true"> *</span>
      </legend>
      {openable.map((c) => (
        <div key={c} className="form-check my-1">
          <input
            id={`${id}-${c}`}
            type="checkbox"
            checked={value.includes(c)}
            onChange={(e) => onChange(e.target.checked ? [...value, c] : value.filter((x) => x !== c))}
          />
          <label htmlFor={`${id}-${c}`}>{t(`breakGlass.classNames.${c}`)}</label>
        </div>
      ))}
      {invalid && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {t('breakGlass.classesRequired')}
        </div>
      )}
    </fieldset>
  );
}
