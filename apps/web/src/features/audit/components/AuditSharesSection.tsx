import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '@siso/shared';
import { EmptyState } from '../../common/components/EmptyState';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { GrantsTable } from '../../sharing/components/GrantsTable';
import { useGrantsFind } from '../../sharing/hooks/useGrants';

/** Every share of the ambito, for the DPO (issue 11, point 1): it reads none of the records shared, only who shares what with whom. */
export function AuditSharesSection({ onShowRecord }: { onShowRecord: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState(false);
  const list = useGrantsFind(current ? { current: true } : {});
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <p className="mt-3">{t('audit.sharesIntro')}</p>
      <div className="form-check mb-3">
        <input id={`${id}-current`} type="checkbox" checked={current} onChange={(e) => setCurrent(e.target.checked)} />
        <label htmlFor={`${id}-current`}>{t('sharing.onlyCurrent')}</label>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <EmptyState title={t('sharing.emptyAll')} />}
      {items.length > 0 && <GrantsTable items={items} caption={t('audit.sharesCaption')} onShowRecord={(g) => onShowRecord({ recordKind: g.recordKind, recordId: g.recordId })} />}
      {list.hasNextPage && (
        <button type="button" className="btn btn-outline-primary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
