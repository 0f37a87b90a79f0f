import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { EmptyState } from '../features/common/components/EmptyState';
import { ErrorNotice } from '../features/common/components/ErrorNotice';
import { Loading } from '../features/common/components/Loading';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { DuplicatesTable } from '../features/persons/components/merge/DuplicatesTable';
import { useDuplicates } from '../features/persons/hooks/usePersons';
import { usePermission } from '../features/session/hooks/useSession';

/** "Possibili duplicati" (/persone/duplicati, ?persona=<id> for one person's). */
export function PersonsDuplicatesPage() {
  const { t } = useTranslation();
  const title = t('persons.duplicates.title');
  usePageTitle(title);
  const [params] = useSearchParams();
  const personId = params.get('persona') ?? undefined;
  const list = useDuplicates(personId);
  const canMerge = usePermission('persons.merge');
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('persons.search.title'), to: '/persone' }, { label: title }]} />
      <h1 className="mb-2">{title}</h1>
      <p className="lead">{t(personId ? 'persons.duplicates.introOne' : 'persons.duplicates.intro')}</p>
      {personId && (
        <p>
          <Link to="/persone/duplicati">{t('persons.duplicates.all')}</Link>
        </p>
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <p role="status">{t('persons.duplicates.count', { count: list.data.items.length })}</p>
          {list.data.items.length === 0 ? <EmptyState title={t('persons.duplicates.none')} icon="it-check-circle" /> : <DuplicatesTable items={list.data.items} canMerge={canMerge} />}
        </>
      )}
    </>
  );
}
