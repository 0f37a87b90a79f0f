import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantListItem } from '@siso/shared';
import { EmptyState } from '../../common/components/EmptyState';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { usePermission } from '../../session/hooks/useSession';
import { useGrantsFind } from '../hooks/useGrants';
import { subjectText } from '../lib/grantText';
import { GrantsTable } from './GrantsTable';
import { RevokeDialog } from './RevokeDialog';
import { ShareDialog } from './ShareDialog';

interface SharesPanelProps {
  recordKind: GrantListItem['recordKind'];
  recordId: string;
  /** The record's own ability to be written by the actor (persons.update, intakeRecords.update). */
  canGiveWriting: boolean;
  /** The section's id (an anchor of the page's navigation). */
  id: string;
}

/**
 * "Condivisioni" of a person or a scheda (issue 11, point 1): who else may read or write it, why and
 * until when; "Condividi" opens the form, "Revoca" ends a share now. Shown with `grants.find`; the
 * list is whole to who holds the record, and to who reads it through a share the shares they made.
 */
export function SharesPanel({ recordKind, recordId, canGiveWriting, id }: SharesPanelProps) {
  const { t } = useTranslation();
  const canList = usePermission('grants.find');
  const canShare = usePermission('grants.create');
  const shares = useGrantsFind({ recordKind, recordId }, canList);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<GrantListItem | null>(null);
  const [announce, setAnnounce] = useState('');
  const notice = useRef<HTMLDivElement>(null);
  // After a dialog closes its opener may be gone (a revoked share has no "Revoca"): the outcome takes the focus.
  useEffect(() => {
    if (announce) notice.current?.focus();
  }, [announce]);
  if (!canList) return null;
  const items = shares.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section id={id} tabIndex={-1} aria-labelledby={`${id}-title`} className="mb-5">
      <h2 id={`${id}-title`} className="h4">{t('sharing.title')}</h2>
      <p>{t('sharing.intro')}</p>
      <div ref={notice} tabIndex={-1} role="status" aria-live="polite" className={announce ? 'alert alert-success' : 'visually-hidden'}>
        {announce}
      </div>
      {canShare && (
        <button type="button" className="btn btn-primary btn-sm mb-3" onClick={() => { setAnnounce(''); setAdding(true); }}>
          {t('sharing.add')}
        </button>
      )}
      {shares.isPending && <Loading />}
      {shares.isError && <ErrorNotice error={shares.error} onRetry={() => void shares.refetch()} />}
      {shares.data && items.length === 0 && <EmptyState title={t('sharing.empty')} />}
      {items.length > 0 && <GrantsTable items={items} caption={t('sharing.caption')} onRevoke={(g) => { setAnnounce(''); setRevoking(g); }} />}
      {shares.hasNextPage && (
        <button type="button" className="btn btn-outline-primary btn-sm" disabled={shares.isFetchingNextPage} onClick={() => void shares.fetchNextPage()}>
          {shares.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
      {adding && (
        <ShareDialog
          recordKind={recordKind}
          recordId={recordId}
          canGiveWriting={canGiveWriting}
          onClose={() => setAdding(false)}
          onShared={(_grant, subject) => {
            setAdding(false);
            setAnnounce(t('sharing.created', { subject: subject.name }));
          }}
        />
      )}
      {revoking && (
        <RevokeDialog
          grant={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(g) => {
            setRevoking(null);
            setAnnounce(t('sharing.revoked', { subject: subjectText(t, g) }));
          }}
        />
      )}
    </section>
  );
}
