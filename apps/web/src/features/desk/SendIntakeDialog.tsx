import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { isApiError } from '../../lib/api';
import { ErrorNotice } from '../common/components/ErrorNotice';
import { fieldError } from '../admin/components/FormFields';
import { DeskPicker } from './components/DeskPicker';
import { Modal } from './components/Modal';
import { useSendIntake } from './hooks/useDesks';

interface SendIntakeDialogProps {
  intake: IntakeView;
  onSent?: () => void;
}

/**
 * "Invia ad altro sportello" (issue 5, point 2; siso-original §3.2): a button that opens a dialog to
 * choose the destination desk (same ente, the ambito or another ambito), write a message and, if need
 * be, another e-mail address for the notice. The server keeps a snapshot of the scheda for the
 * destination; sending the same scheda twice to the same desk answers 409.
 */
export function SendIntakeDialog({ intake, onSent }: SendIntakeDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [dest, setDest] = useState<{ id: string; label: string } | null>(null);
  const [message, setMessage] = useState('');
  const [emailTo, setEmailTo] = useState('');
  const [missingDest, setMissingDest] = useState(false);
  const [announce, setAnnounce] = useState('');
  const send = useSendIntake();
  if (!intake.abilities.includes('intakeRecords.send')) return null;

  const close = () => {
    setOpen(false);
    send.reset();
    setMissingDest(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!dest) {
      setMissingDest(true);
      return;
    }
    setMissingDest(false);
    send.mutate(
      { id: intake.id, version: intake.version, destOfficeId: dest.id, ...(message.trim() ? { message: message.trim() } : {}), ...(emailTo.trim() ? { emailTo: emailTo.trim() } : {}) },
      {
        onSuccess: (transfer) => {
          setAnnounce(t('desk.send.sent', { office: transfer.destOfficeName, ente: transfer.destEnteName }));
          setOpen(false);
          setDest(null);
          setMessage('');
          setEmailTo('');
          send.reset();
          onSent?.();
        },
      },
    );
  };
  const error = send.error;
  const conflict = isApiError(error) && error.code === 'conflict';
  const emailError = fieldError(error, 'emailTo');
  return (
    <>
      <button
        type="button"
        className="btn btn-outline-primary"
        onClick={() => {
          setAnnounce('');
          setOpen(true);
        }}
      >
        {t('desk.send.open')}
      </button>
      <div role="status" aria-live="polite" className={announce ? 'alert alert-success mt-2' : 'visually-hidden'}>
        {announce}
      </div>
      {open && (
        <Modal title={t('desk.send.title', { number: intake.number })} onClose={close} large>
          <form onSubmit={submit} noValidate>
            <p className="small">{t('desk.send.intro')}</p>
            {conflict && (
              <div className="alert alert-warning" role="alert">
                {t('desk.send.alreadySent')}
              </div>
            )}
            {error && !conflict && <ErrorNotice error={error} />}
            <DeskPicker
              value={dest?.id ?? ''}
              exceptOfficeId={intake.officeId}
              onChange={(officeId, label) => setDest({ id: officeId, label })}
              error={missingDest ? t('desk.send.destinationRequired') : fieldError(error, 'destOfficeId')}
            />
            {dest && <p className="small">{t('desk.send.chosen', { desk: dest.label })}</p>}
            <div className="form-group mt-5">
              <label htmlFor={`${id}-message`} className="active">
                {t('desk.send.message')}
              </label>
              <textarea id={`${id}-message`} className="form-control" rows={3} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />
            </div>
            <div className="form-group">
              <label htmlFor={`${id}-email`} className="active">
                {t('desk.send.emailTo')}
              </label>
              <input
                id={`${id}-email`}
                type="email"
                className={`form-control${emailError ? ' is-invalid' : ''}`}
                value={emailTo}
                maxLength={254}
                aria-invalid={emailError ? true : undefined}
                aria-describedby={`${id}-email-hint${emailError ? ` ${id}-email-error` : ''}`}
                onChange={(e) => setEmailTo(e.target.value)}
              />
              <small id={`${id}-email-hint`} className="form-text">
                {t('desk.send.emailHint')}
              </small>
              {emailError && (
                <div id={`${id}-email-error`} className="invalid-feedback d-block">
                  {emailError}
                </div>
              )}
            </div>
            <div className="d-flex gap-2 justify-content-end">
              <button type="button" className="btn btn-outline-secondary" onClick={close}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={send.isPending}>
                {send.isPending ? t('common.loading') : t('desk.send.submit')}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
