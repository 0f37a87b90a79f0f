import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '@siso/shared';
import { isApiError } from '../../../lib/api';
import { EmptyState } from '../../common/components/EmptyState';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { downloadAuditCsv, useAuditFind } from '../hooks/useAudit';
import { AuditFiltersForm } from './AuditFiltersForm';
import { AuditTable } from './AuditTable';

interface AuditLogSectionProps {
  /** Set by the break-the-glass tab: only `breakGlass.open` rows. */
  fixedAction?: string;
  /** Filters to start from (the DPO following a share or an emergency access to its record's trail). */
  initialFilters?: AuditFilters;
  caption: string;
}

/** Filters, the paged table and the CSV export of the same filters. */
export function AuditLogSection({ fixedAction, initialFilters, caption }: AuditLogSectionProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(fixedAction ? { action: fixedAction } : (initialFilters ?? {}));
  const [exportState, setExportState] = useState<{ busy: boolean; message: string | null; error: boolean }>({ busy: false, message: null, error: false });
  const rows = useAuditFind(filters);
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];

  const exportCsv = async () => {
    setExportState({ busy: true, message: null, error: false });
    try {
      const out = await downloadAuditCsv(filters);
      setExportState({ busy: false, error: false, message: t(out.truncated ? 'audit.export.truncated' : 'audit.export.done', { rows: out.rows }) });
    } catch (e) {
      setExportState({ busy: false, error: true, message: isApiError(e) ? e.message : t('errors.network') });
    }
  };

  return (
    <>
      <AuditFiltersForm value={filters} onChange={setFilters} fixedAction={fixedAction} />
      <div className="d-flex align-items-center gap-3 mb-3">
        <button type="button" className="btn btn-outline-primary" disabled={exportState.busy} onClick={() => void exportCsv()}>
          {exportState.busy ? t('common.loading') : t('audit.export.button')}
        </button>
        <p className={`mb-0 small${exportState.error ? ' text-danger' : ''}`} role="status" aria-live="polite">
          {exportState.message}
        </p>
      </div>
      {rows.isPending && <Loading />}
      {rows.error && <ErrorNotice error={rows.error} onRetry={() => void rows.refetch()} />}
      {rows.data && items.length === 0 && <EmptyState title={t('audit.empty')} />}
      {items.length > 0 && <AuditTable items={items} caption={caption} />}
      {rows.hasNextPage && (
        <button type="button" className="btn btn-outline-primary" disabled={rows.isFetchingNextPage} onClick={() => void rows.fetchNextPage()}>
          {rows.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
