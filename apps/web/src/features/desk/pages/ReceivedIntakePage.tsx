import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { actionKey } from '../../../lib/query';
import { Breadcrumb } from '../../common/components/Breadcrumb';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { ReasonField } from '../../common/components/ReasonField';
import { Loading } from '../../common/components/Loading';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { TransferSnapshotView } from '../components/TransferSnapshotView';
import { useReceiveIntake, useRefuseIntake } from '../hooks/useDesks';
import { useReceivedTransfer } from '../hooks/useTransfer';

/**
 * A scheda received from another desk (/sportello/ricevute/:transferId, issue 5 point 2): the snapshot
 * sent, then "Accetta" (a local scheda linked to the original is created, once) or "Rifiuta" with a
 * reason the sending desk reads.
 */
export function ReceivedIntakePage() {
  const { t } = useTranslation();
  const { transferId = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = useId();
  const transfer = useReceivedTransfer(transferId);
  const receive = useReceiveIntake();
  const refuse = useRefuseIntake();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const [announce, setAnnounce] = useState('');
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  // The "Rifiuta" button gives way to the form: focus follows into its reason box.
  useEffect(() => {
    if (refusing) reasonBox.current?.focus();
  }, [refusing]);
  const x = transfer.data;
  const title = x ? t('desk.received.title', { number: x.snapshot.number }) : t('desk.home.received');
  usePageTitle(title);
  const accept = () => {
    if (!x) return;
    receive.mutate(
      { transferId: x.id, version: x.version },
      {
        onSuccess: (view) => {
          client.setQueryData(actionKey('intakeRecords.get', { id: view.id }), view);
          void navigate(`/sportello/schede/${view.id}`);
        },
      },
    );
  };
  const submitRefusal = (e: FormEvent) => {
    e.preventDefault();
    if (!x) return;
    if (reason.trim().length < 5) {
      setShort(true);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setShort(false);
    refuse.mutate(
      { transferId: x.id, version: x.version, reason: reason.trim() },
      {
        onSuccess: () => {
          setRefusing(false);
          setAnnounce(t('desk.received.refused'));
          void transfer.refetch();
        },
      },
    );
  };
  const failure = receive.error ?? refuse.error;
  const conflict = isApiError(failure) && failure.code === 'conflict';
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('desk.nav'), to: '/sportello' }, { label: title }]} />
      <h1 className="mb-2">{title}</h1>
      <div role="status" aria-live="polite" className={announce ? 'alert alert-success' : 'visually-hidden'}>
        {announce}
      </div>
      {transfer.isPending && <Loading />}
      {transfer.isError && <ErrorNotice error={transfer.error} onRetry={() => void transfer.refetch()} />}
      {transfer.data === null && (
        <div className="alert alert-warning" role="alert">
          {t('desk.received.notFound')}
        </div>
      )}
      {x && (
        <>
          <p className="lead mb-1">{t('desk.received.from', { office: x.sourceOfficeName, ente: x.sourceEnteName })}</p>
          <p className="small">{t('desk.received.sentBy', { when: formatDateTime(x.sentAt), name: x.sentByName })}</p>
          {x.message && (
            <div className="callout">
              <div className="callout-title">{t('desk.received.message')}</div>
              <p style={{ whiteSpace: 'pre-wrap' }}>{x.message}</p>
            </div>
          )}
          {x.status !== 'sent' && (
            <p>
              <span className={`badge ${x.status === 'received' ? 'bg-success' : 'bg-danger'} me-2`}>{t(`desk.transferStatuses.${x.status}`)}</span>
              {x.decidedAt && t('desk.received.decided', { status: t(`desk.transferStatuses.${x.status}`), when: formatDateTime(x.decidedAt), name: x.decidedByName ?? '—' })}
            </p>
          )}
          {x.refusalReason && <p>{t('desk.received.refusalReason', { reason: x.refusalReason })}</p>}
          {x.receivedIntakeId && (
            <p>
              <Link to={`/sportello/schede/${x.receivedIntakeId}`}>{t('desk.received.openLocal')}</Link>
            </p>
          )}
          {conflict ? (
            <div className="alert alert-warning" role="alert">
              {t('desk.received.alreadyDecided')}
            </div>
          ) : (
            failure && <ErrorNotice error={failure} />
          )}
          {x.status === 'sent' && (
            <div className="d-flex flex-wrap gap-2 mb-3">
              {x.abilities.includes('intakeRecords.receive') && (
                <button type="button" className="btn btn-primary" disabled={receive.isPending} onClick={accept}>
                  {receive.isPending ? t('common.loading') : t('desk.received.accept')}
                </button>
              )}
              {x.abilities.includes('intakeRecords.refuse') && !refusing && (
                <button type="button" className="btn btn-outline-danger" onClick={() => setRefusing(true)}>
                  {t('desk.received.refuse')}
                </button>
              )}
            </div>
          )}
          {refusing && x.status === 'sent' && (
            <form onSubmit={submitRefusal} noValidate className="card card-bg p-3 mb-3" onKeyDown={(e) => e.key === 'Escape' && setRefusing(false)}>
              <ReasonField
                id={`${id}-reason`}
                label={t('desk.received.reason')}
                hint={t('desk.received.reasonHint')}
                error={t('desk.received.reasonShort')}
                invalid={short}
                value={reason}
                onChange={setReason}
                maxLength={1000}
                inputRef={reasonBox}
              />
              <div className="d-flex gap-2">
                <button type="submit" className="btn btn-danger" disabled={refuse.isPending}>
                  {t('desk.received.confirmRefuse')}
                </button>
                <button type="button" className="btn btn-outline-secondary" onClick={() => setRefusing(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          )}
          <h2 className="h4 mt-4">{t('desk.received.snapshot')}</h2>
          <TransferSnapshotView snapshot={x.snapshot} />
          <Link to="/sportello">{t('desk.received.back')}</Link>
        </>
      )}
    </>
  );
}
