import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { ErrorNotice } from '../features/common/components/ErrorNotice';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { PersonSearchForm, type PersonSearch } from '../features/persons/components/PersonSearchForm';
import { PersonSearchResults } from '../features/persons/components/PersonSearchResults';
import { useFindPersons } from '../features/persons/hooks/usePersons';
import type { NewPersonState } from './PersonNewPage';
import { usePermission } from '../features/session/hooks/useSession';

/**
 * "Anagrafe" (/persone): search first. The search lives in the address (?q=…&nascita=…) so Back
 * returns to the same results; "Nuova persona" appears only after a search, with its token.
 */
export function PersonsPage() {
  const { t } = useTranslation();
  const title = t('persons.search.title');
  usePageTitle(title);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const birthDate = params.get('nascita') ?? '';
  const searched = q !== '' || birthDate !== '';
  const find = useFindPersons(searched ? { q: q || undefined, birthDate: birthDate || undefined } : null);
  const canCreate = usePermission('persons.create');
  const canSeeDuplicates = usePermission('persons.findDuplicates');
  const token = find.data?.searchToken ?? null;

  const onSearch = (s: PersonSearch) => {
    const next = new URLSearchParams();
    if (s.q) next.set('q', s.q);
    if (s.birthDate) next.set('nascita', s.birthDate);
    // The same search again asks the server again (someone may have been added meanwhile).
    if (s.q === q && s.birthDate === birthDate) void find.refetch();
    else setParams(next);
  };
  const onCreate = token && canCreate && !find.isFetching ? () => navigate('/persone/nuova', { state: { searchToken: token, q, birthDate } satisfies NewPersonState }) : undefined;

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: title }]} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h1 className="mb-2">{title}</h1>
        {canSeeDuplicates && (
          <Link to="/persone/duplicati" className="btn btn-outline-secondary btn-sm">
            {t('persons.duplicates.title')}
          </Link>
        )}
      </div>
      <p className="lead mb-4">{t('persons.search.intro')}</p>
      <PersonSearchForm initial={{ q, birthDate }} onSearch={onSearch} />
      {find.isError && <ErrorNotice error={find.error} onRetry={() => void find.refetch()} />}
      {searched && !find.isError && <PersonSearchResults items={find.isFetching ? null : (find.data?.items ?? null)} loading={find.isFetching} onCreate={onCreate} />}
    </>
  );
}
