import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '@siso/shared';
import { EmptyState } from '../../common/components/EmptyState';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { BreakGlassTable } from '../../break-glass/components/BreakGlassTable';
import { useBreakGlassList } from '../../break-glass/hooks/useBreakGlass';

/** The DPO's emergency accesses of the ambito, open and past (architecture: "reported to the DPO"). */
export function AuditBreakGlassSection({ onShowRecord }: { onShowRecord: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const list = useBreakGlassList(onlyOpen ? { open: true } : {});
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <p className="mt-3">{t('audit.breakGlassIntro')}</p>
      <div className="form-check mb-3">
        <input id={`${id}-open`} type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
        <label htmlFor={`${id}-open`}>{t('breakGlass.onlyOpen')}</label>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <EmptyState title={t('breakGlass.empty')} />}
      {items.length > 0 && (
        <BreakGlassTable items={items} caption={t('audit.breakGlassCaption')} onShowRecord={(b) => onShowRecord({ recordKind: b.recordKind, recordId: b.recordId })} />
      )}
      {list.hasNextPage && (
        <button type="button" className="btn btn-outline-primary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
