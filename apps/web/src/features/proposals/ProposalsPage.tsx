import { useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { proposalStatuses, type ProposalView } from '@siso/shared';
import { Breadcrumb } from '../common/components/Breadcrumb';
import { EmptyState } from '../common/components/EmptyState';
import { ErrorNotice } from '../common/components/ErrorNotice';
import { Loading } from '../common/components/Loading';
import { usePageTitle } from '../common/hooks/usePageTitle';
import { ProposalDetail } from './components/ProposalDetail';
import { ProposalsTable } from './components/ProposalsTable';
import { useProposals, type ProposalStatus } from './hooks/useProposals';

/**
 * "Proposte di presa in carico" (/proposte, issue 5 point 5; siso-original §5.1 step 5): the inbox of
 * the professional social service, filtered by state (in the address, so Back keeps it).
 */
export function ProposalsPage() {
  const { t } = useTranslation();
  const title = t('proposals.title');
  usePageTitle(title);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const raw = params.get('stato');
  const status = (proposalStatuses as readonly string[]).includes(raw ?? '') ? (raw as ProposalStatus) : undefined;
  const list = useProposals(status);
  const [open, setOpen] = useState<ProposalView | null>(null);
  const [announce, setAnnounce] = useState('');
  // Focus returns to the "Apri" button that opened the detail (WCAG 2.4.3 focus order).
  const opener = useRef<HTMLElement | null>(null);
  const close = () => {
    setOpen(null);
    opener.current?.focus();
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: title }]} />
      <h1 className="mb-2">{title}</h1>
      <p className="lead">{t('proposals.intro')}</p>
      <div role="status" aria-live="polite" className={announce ? 'alert alert-success' : 'visually-hidden'}>
        {announce}
      </div>
      <div className="row mb-3">
        <div className="col-12 col-md-4 select-wrapper">
          <label htmlFor={`${id}-status`}>{t('proposals.filterStatus')}</label>
          <select
            id={`${id}-status`}
            value={status ?? ''}
            onChange={(e) => {
              setOpen(null);
              setParams(e.target.value ? { stato: e.target.value } : {});
            }}
          >
            <option value="">{t('proposals.any')}</option>
            {proposalStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`proposals.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {open && (
        <ProposalDetail
          key={open.id}
          proposal={open}
          onClose={close}
          onDone={(m) => {
            close();
            setAnnounce(m);
          }}
        />
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <EmptyState title={t('proposals.none')} />}
      {items.length > 0 && (
        <ProposalsTable
          items={items}
          caption={title}
          onOpen={(p) => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            setAnnounce('');
            setOpen(p);
          }}
        />
      )}
      {list.hasNextPage && (
        <button type="button" className="btn btn-outline-primary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
