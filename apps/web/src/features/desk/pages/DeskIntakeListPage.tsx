import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { intakeOutcomes, intakeStatuses } from '@siso/shared';
import { call } from '../../../lib/api';
import { formatInteger } from '../../../lib/format';
import { Breadcrumb } from '../../common/components/Breadcrumb';
import { EmptyState } from '../../common/components/EmptyState';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { usePermission } from '../../session/hooks/useSession';
import { CountersList } from '../components/CountersList';
import { IntakeSummaryTable } from '../components/IntakeSummaryTable';
import { useDeskCounters } from '../hooks/useDesks';
import { useIntakeList } from '../hooks/useIntakeList';
import { downloadWireFile } from '../../../lib/files';
import { formatDate } from '../../../lib/format';
import { apiFilters, filtersFromParams, filtersToParams, type ListFilters } from '../lib/listFilters';
import { todayInRome } from '../lib/period';

/**
 * The desk's schede for a period (/sportello/schede, issue 5 points 1 and 7): filters by period, status
 * and outcome kept in the address, the counters of the same period, "Mostra altri" and the XLSX export.
 */
export function DeskIntakeListPage() {
  const { t } = useTranslation();
  const title = t('desk.list.title');
  usePageTitle(title);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const applied = filtersFromParams(params, todayInRome());
  const [draft, setDraft] = useState<ListFilters>(applied);
  // Back and forward change the filters in the address: the form follows.
  const key = params.toString();
  useEffect(() => setDraft(filtersFromParams(new URLSearchParams(key), todayInRome())), [key]);
  const [periodError, setPeriodError] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const filters = apiFilters(applied);
  const list = useIntakeList(filters);
  const counters = useDeskCounters({ from: applied.from, to: applied.to });
  const canExport = usePermission('intakeRecords.export');
  const canCreate = usePermission('intakeRecords.create');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setPeriodError(true);
      document.getElementById(`${id}-to`)?.focus();
      return;
    }
    setPeriodError(false);
    setAnnounce('');
    setParams(filtersToParams(draft));
  };
  const exportXlsx = async () => {
    setExportError(null);
    setAnnounce('');
    setExporting(true);
    try {
      const out = await call('intakeRecords.export', filters);
      downloadWireFile(out);
      const count = formatInteger(out.rows);
      setAnnounce(out.truncated ? t('desk.list.truncated', { count }) : t('desk.list.exported', { count }));
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('desk.nav'), to: '/sportello' }, { label: title }]} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-3">
        <h1 className="mb-0">{title}</h1>
        {canCreate && (
          <Link to="/sportello/schede/nuova" className="btn btn-primary">
            {t('desk.home.newIntake')}
          </Link>
        )}
      </div>
      <form onSubmit={apply} noValidate className="mt-4 mb-3" aria-labelledby={`${id}-filters`}>
        <h2 id={`${id}-filters`} className="visually-hidden">
          {t('desk.list.filters')}
        </h2>
        <div className="row g-2 align-items-end">
          <div className="col-6 col-md-3 form-group mb-0">
            <label htmlFor={`${id}-from`} className="active">
              {t('desk.list.from')}
            </label>
            <input id={`${id}-from`} type="date" className="form-control" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </div>
          <div className="col-6 col-md-3 form-group mb-0">
            <label htmlFor={`${id}-to`} className="active">
              {t('desk.list.to')}
            </label>
            <input
              id={`${id}-to`}
              type="date"
              className={`form-control${periodError ? ' is-invalid' : ''}`}
              value={draft.to}
              required
              aria-invalid={periodError || undefined}
              aria-describedby={periodError ? `${id}-to-error` : undefined}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          </div>
          <div className="col-6 col-md-2 select-wrapper">
            <label htmlFor={`${id}-status`}>{t('desk.list.status')}</label>
            <select id={`${id}-status`} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as ListFilters['status'] })}>
              <option value="">{t('desk.list.any')}</option>
              {intakeStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`desk.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="col-6 col-md-2 select-wrapper">
            <label htmlFor={`${id}-outcome`}>{t('desk.list.outcome')}</label>
            <select id={`${id}-outcome`} value={draft.outcome} onChange={(e) => setDraft({ ...draft, outcome: e.target.value as ListFilters['outcome'] })}>
              <option value="">{t('desk.list.any')}</option>
              {intakeOutcomes.map((o) => (
                <option key={o} value={o}>
                  {t(`desk.outcomes.${o}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="col-12 col-md-2">
            <button type="submit" className="btn btn-outline-primary w-100">
              {t('desk.list.apply')}
            </button>
          </div>
        </div>
        {periodError && (
          <div id={`${id}-to-error`} className="invalid-feedback d-block" role="alert">
            {t('desk.list.periodInvalid')}
          </div>
        )}
      </form>
      <section aria-labelledby={`${id}-counters`} className="mb-4">
        <h2 id={`${id}-counters`} className="h5">
          {t('desk.countersTitle', { from: formatDate(applied.from), to: formatDate(applied.to) })}
        </h2>
        {counters.isError && <ErrorNotice error={counters.error} onRetry={() => void counters.refetch()} />}
        {counters.data && <CountersList counters={counters.data} />}
      </section>
      <div role="status" aria-live="polite" className={announce ? 'alert alert-success' : 'visually-hidden'}>
        {announce}
      </div>
      {exportError !== null && <ErrorNotice error={exportError} />}
      {canExport && (
        <button type="button" className="btn btn-outline-primary mb-3" disabled={exporting} onClick={() => void exportXlsx()}>
          {exporting ? t('common.loading') : t('desk.list.export')}
        </button>
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <EmptyState title={t('desk.list.none')} />}
      {items.length > 0 && (
        <>
          <IntakeSummaryTable items={items} caption={title} />
          <p className="small">{t('desk.list.shown', { count: items.length })}</p>
        </>
      )}
      {list.hasNextPage && (
        <button type="button" className="btn btn-outline-primary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
