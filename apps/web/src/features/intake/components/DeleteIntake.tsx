import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IntakeView } from '@siso/shared';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { ReasonField } from '../../common/components/ReasonField';
import { Modal } from '../../desk/components/Modal';
import { useDeleteIntake } from '../hooks/useIntake';

const MIN_REASON = 5;

/**
 * "Elimina scheda" (intakeRecords.delete): a dialog asking why (the reason stays with the scheda for
 * the DPO), then back to the desk home with a confirmation. The server refuses while another desk has
 * the scheda pending or a proposal to take charge is open: its message is shown in the dialog.
 */
export function DeleteIntake({ intake }: { intake: IntakeView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const remove = useDeleteIntake();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const close = () => {
    setOpen(false);
    setReason('');
    setTooShort(false);
    remove.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setTooShort(true);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    remove.mutate(
      { id: intake.id, version: intake.version, reason: reason.trim() },
      { onSuccess: (r) => void navigate('/sportello', { state: { notice: t('intake.delete.done', { number: r.number }) } }) },
    );
  };
  return (
    <>
      <button type="button" className="btn btn-outline-danger" onClick={() => setOpen(true)}>
        {t('intake.delete.open')}
      </button>
      {open && (
        <Modal title={t('intake.delete.title', { number: intake.number })} onClose={close}>
          <form onSubmit={submit} noValidate>
            <p>{t('intake.delete.explain')}</p>
            <ReasonField
              id={`${id}-reason`}
              label={t('intake.delete.reason')}
              hint={t('intake.delete.reasonHint')}
              error={t('intake.delete.reasonShort')}
              invalid={tooShort}
              value={reason}
              onChange={setReason}
              maxLength={500}
            />
            {remove.error && <ErrorNotice error={remove.error} />}
            <div className="d-flex gap-2 justify-content-end">
              <button type="button" className="btn btn-outline-secondary" onClick={close}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn-danger" disabled={remove.isPending}>
                {t('intake.delete.confirm')}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
