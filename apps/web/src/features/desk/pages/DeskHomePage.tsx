import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../../common/components/Breadcrumb';
import { ErrorNotice } from '../../common/components/ErrorNotice';
import { Loading } from '../../common/components/Loading';
import { useArrivalNotice } from '../../common/hooks/useArrivalNotice';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { usePermission } from '../../session/hooks/useSession';
import { ProposalsTable } from '../../proposals/components/ProposalsTable';
import { CountersList } from '../components/CountersList';
import { IntakeSummaryTable } from '../components/IntakeSummaryTable';
import { ReceivedTable } from '../components/ReceivedTable';
import { useDeskHome } from '../hooks/useDesks';
import { formatDate } from '../../../lib/format';

/**
 * The desk's home (/sportello, issue 5 point 1): the current desk, "Nuova scheda", a search of the
 * registry (search first: the scheda starts from the person), today's and incomplete schede, schede
 * received from other desks, pending proposals and this month's counters.
 */
export function DeskHomePage() {
  const { t } = useTranslation();
  const title = t('desk.home.title');
  usePageTitle(title);
  const navigate = useNavigate();
  // A confirmation brought by the page that sent the operator here (a scheda deleted), shown once.
  const [notice] = useArrivalNotice();
  const id = useId();
  const [q, setQ] = useState('');
  const home = useDeskHome();
  const canCreate = usePermission('intakeRecords.create');
  const canSearch = usePermission('persons.find');
  const canList = usePermission('intakeRecords.find');
  const search = (e: FormEvent) => {
    e.preventDefault();
    const query = q.trim();
    void navigate(query ? `/persone?q=${encodeURIComponent(query)}` : '/persone');
  };
  const desk = home.data?.desk;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: title }]} />
      <div role="status" aria-live="polite">{notice && <div className="alert alert-success">{notice}</div>}</div>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-3">
        <div>
          <h1 className="mb-1">{title}</h1>
          {desk && (
            <p className="lead mb-0">
              {desk.officeName} — {desk.enteName} <span className="badge bg-primary ms-1">{t(`desk.kinds.${desk.kind}`)}</span>
            </p>
          )}
        </div>
        <div className="d-flex gap-2">
          {canCreate && (
            <Link to="/sportello/schede/nuova" className="btn btn-primary">
              {t('desk.home.newIntake')}
            </Link>
          )}
          {canList && (
            <Link to="/sportello/schede" className="btn btn-outline-primary">
              {t('desk.home.allIntakes')}
            </Link>
          )}
        </div>
      </div>
      {canSearch && (
        <form role="search" aria-label={t('desk.home.searchLabel')} onSubmit={search} className="row g-2 align-items-end mt-4 mb-4">
          <div className="col-12 col-md-8 form-group mb-0">
            <label htmlFor={`${id}-q`} className="active">
              {t('desk.home.searchQ')}
            </label>
            <input id={`${id}-q`} type="search" className="form-control" value={q} maxLength={120} autoComplete="off" spellCheck={false} onChange={(e) => setQ(e.target.value)} />
          </div>
          <div className="col-12 col-md-4">
            <button type="submit" className="btn btn-outline-primary w-100">
              {t('desk.home.searchSubmit')}
            </button>
          </div>
        </form>
      )}
      {home.isPending && <Loading />}
      {home.isError && <ErrorNotice error={home.error} onRetry={() => void home.refetch()} />}
      {home.data && (
        <>
          <section aria-labelledby={`${id}-received`} className="mb-4">
            <h2 id={`${id}-received`} className="h4">
              {t('desk.home.received')} <span className="badge bg-secondary">{home.data.received.length}</span>
            </h2>
            {home.data.received.length ? <ReceivedTable items={home.data.received} /> : <p>{t('desk.home.receivedNone')}</p>}
          </section>
          <section aria-labelledby={`${id}-today`} className="mb-4">
            <h2 id={`${id}-today`} className="h4">{t('desk.home.today')}</h2>
            {home.data.today.length ? <IntakeSummaryTable items={home.data.today} caption={t('desk.home.today')} /> : <p>{t('desk.home.todayNone')}</p>}
          </section>
          <section aria-labelledby={`${id}-incomplete`} className="mb-4">
            <h2 id={`${id}-incomplete`} className="h4">{t('desk.home.incomplete')}</h2>
            {home.data.incomplete.length ? <IntakeSummaryTable items={home.data.incomplete} caption={t('desk.home.incomplete')} /> : <p>{t('desk.home.incompleteNone')}</p>}
          </section>
          {home.data.proposals.length > 0 && (
            <section aria-labelledby={`${id}-proposals`} className="mb-4">
              <h2 id={`${id}-proposals`} className="h4">{t('desk.home.proposals')}</h2>
              <ProposalsTable items={home.data.proposals} caption={t('desk.home.proposals')} />
              <Link to="/proposte">{t('desk.home.proposalsAll')}</Link>
            </section>
          )}
          <section aria-labelledby={`${id}-counters`} className="mb-4">
            <h2 id={`${id}-counters`} className="h4">{t('desk.home.counters')}</h2>
            <p className="small">{t('desk.countersTitle', { from: formatDate(home.data.counters.from), to: formatDate(home.data.counters.to) })}</p>
            <CountersList counters={home.data.counters} />
          </section>
        </>
      )}
    </>
  );
}
