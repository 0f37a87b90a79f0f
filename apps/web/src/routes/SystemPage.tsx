import { useTranslation } from 'react-i18next';
import { useAction } from '../lib/query';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { ErrorNotice } from '../features/common/components/ErrorNotice';
import { Loading } from '../features/common/components/Loading';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { JobCounters } from '../features/system/components/JobCounters';
import { MigrationsTable } from '../features/system/components/MigrationsTable';
import { ReferenceDataTable } from '../features/system/components/ReferenceDataTable';
import { SystemOverview } from '../features/system/components/SystemOverview';

/** "Informazioni di sistema" from `system.get`. */
export function SystemPage() {
  const { t } = useTranslation();
  usePageTitle(t('system.title'));
  const info = useAction('system.get', {});
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('system.title') }]} />
      <h1 className="mb-2">{t('system.title')}</h1>
      <p className="lead mb-4">{t('system.intro')}</p>
      {info.isPending && <Loading />}
      {info.error && <ErrorNotice error={info.error} onRetry={() => void info.refetch()} />}
      {info.data && (
        <>
          <SystemOverview info={info.data} />
          <JobCounters jobs={info.data.jobs} />
          <ReferenceDataTable datasets={info.data.referenceData} />
          <MigrationsTable migrations={info.data.migrations} />
        </>
      )}
    </>
  );
}
