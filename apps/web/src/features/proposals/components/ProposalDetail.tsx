import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '@siso/shared';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { ReasonField } from '../../common/components/ReasonField';
import { personLabel } from '../../desk/lib/personLabel';
import { useMarkProposalSeen, useRejectProposal } from '../hooks/useProposals';
import { ProposalStatusBadge } from './ProposalStatusBadge';

/**
 * One proposal, opened from the inbox: opening a new one marks it seen (proposta → vista, so the desk
 * knows someone read it); it can be rejected with a note. Accepting it opens a case file, which is the
 * case-file issue's work: here only a note says so (no button that would do nothing).
 */
export function ProposalDetail({ proposal, onClose, onDone }: { proposal: ProposalView; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const markSeen = useMarkProposalSeen();
  const reject = useRejectProposal();
  const [current, setCurrent] = useState(proposal);
  const [note, setNote] = useState('');
  const [short, setShort] = useState(false);
  const marked = useRef(false);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    // Once per opening; a failure (someone else marked it meanwhile) changes nothing for the reader.
    if (marked.current || proposal.status !== 'proposed' || !proposal.abilities.includes('proposals.markSeen')) return;
    marked.current = true;
    markSeen.mutate({ id: proposal.id, version: proposal.version }, { onSuccess: setCurrent });
  }, [proposal, markSeen]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim().length < 5) {
      setShort(true);
      document.getElementById(`${id}-note`)?.focus();
      return;
    }
    setShort(false);
    reject.mutate({ id: current.id, version: current.version, note: note.trim() }, { onSuccess: () => onDone(t('proposals.rejected')) });
  };
  const p = current;
  const canReject = (p.status === 'proposed' || p.status === 'seen') && p.abilities.includes('proposals.reject');
  const conflict = isApiError(reject.error) && reject.error.code === 'conflict';
  return (
    <section className="card card-bg p-4 my-3" aria-labelledby={`${id}-title`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="d-flex justify-content-between align-items-start gap-2">
        <h2 id={`${id}-title`} className="h4" tabIndex={-1} ref={heading}>
          {t('proposals.detailTitle', { number: p.intakeNumber })} <ProposalStatusBadge status={p.status} />
        </h2>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
          {t('proposals.close')}
        </button>
      </div>
      <p className="mb-1">{personLabel(p.person, { anonymous: t('desk.anonymous'), masked: t('desk.masked') })} — {t(`proposals.categories.${p.socialCategory}`)}</p>
      <p className="small mb-1">{t('proposals.createdAt', { when: formatDateTime(p.createdAt), office: p.sourceOfficeName, ente: p.sourceEnteName })}</p>
      {p.seenAt && <p className="small mb-1">{t('proposals.seenBy', { when: formatDateTime(p.seenAt), name: p.seenByName ?? '—' })}</p>}
      {p.decidedAt && <p className="small mb-1">{t('proposals.decidedBy', { when: formatDateTime(p.decidedAt), name: p.decidedByName ?? '—' })}</p>}
      {p.note && <p className="small">{t('proposals.note', { note: p.note })}</p>}
      <p>
        <Link to={`/sportello/schede/${p.intakeId}`}>{t('proposals.openIntake', { number: p.intakeNumber })}</Link>
      </p>
      {(p.status === 'proposed' || p.status === 'seen') && (
        <div className="callout note">
          <p className="mb-0 small">{t('proposals.acceptNote')}</p>
        </div>
      )}
      {canReject && (
        <form onSubmit={submit} noValidate className="mt-3">
          {conflict ? (
            <div className="alert alert-warning" role="alert">
              {t('proposals.conflict')}
            </div>
          ) : (
            reject.error && <ErrorNotice error={reject.error} />
          )}
          <ReasonField
            id={`${id}-note`}
            label={t('proposals.rejectNote')}
            hint={t('proposals.rejectHint')}
            error={t('proposals.noteShort')}
            invalid={short}
            value={note}
            onChange={setNote}
            maxLength={2000}
          />
          <button type="submit" className="btn btn-danger" disabled={reject.isPending}>
            {t('proposals.confirmReject')}
          </button>
        </form>
      )}
    </section>
  );
}
