import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { ErrorSummary } from '../features/persons/components/form/ErrorSummary';
import { PersonForm, usePathLabel } from '../features/persons/components/form/PersonForm';
import { RegistryPanel } from '../features/persons/components/RegistryPanel';
import { useCreatePerson, useRememberPerson } from '../features/persons/hooks/usePersons';
import { decodeFiscalCode } from '../features/persons/lib/fiscalCodePrefill';
import { serverIssues, validatePersonForm, type FormIssue } from '../features/persons/lib/formErrors';
import { todayIso } from '../features/persons/lib/format';
import { emptyPersonForm, toCreateInput, type PersonFormState } from '../features/persons/lib/personForm';
import { patchFromRegistry } from '../features/persons/lib/registry';
import { usePermission } from '../features/session/hooks/useSession';

/** What the search page hands to the form: the proof of the search and what was searched. */
export interface NewPersonState {
  searchToken: string;
  q: string;
  birthDate: string;
}

function initialForm(from: NewPersonState | null, today: string): PersonFormState {
  const s = emptyPersonForm(today);
  if (!from) return s;
  const q = from.q.trim();
  if (decodeFiscalCode(q, today).status === 'valid') s.fiscalCode = q.replace(/\s+/g, '').toUpperCase();
  else if (q && !/\d/.test(q)) {
    // The hint asks for "cognome nome": the first word as surname, the rest as name (editable).
    const [surname = '', ...rest] = q.split(/\s+/);
    s.surname = surname;
    s.name = rest.join(' ');
  }
  s.birthDate = from.birthDate;
  return s;
}

/** "Nuova persona" (/persone/nuova): only after a search (issue 4, point 1), with its token. */
export function PersonNewPage() {
  const { t } = useTranslation();
  const title = t('persons.create.title');
  usePageTitle(title);
  const location = useLocation();
  const from = (location.state as NewPersonState | null)?.searchToken ? (location.state as NewPersonState) : null;
  if (!from) {
    return (
      <>
        <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('persons.search.title'), to: '/persone' }, { label: title }]} />
        <h1>{title}</h1>
        <div className="alert alert-info">
          <p>{t('persons.create.searchFirst')}</p>
          <Link to="/persone" className="btn btn-primary">{t('persons.create.goSearch')}</Link>
        </div>
      </>
    );
  }
  return <CreatePerson from={from} title={title} />;
}

function CreatePerson({ from, title }: { from: NewPersonState; title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = todayIso();
  const [state, setState] = useState(() => initialForm(from, today));
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const create = useCreatePerson();
  const remember = useRememberPerson();
  const labelOf = usePathLabel();
  const canLoadRegistry = usePermission('persons.loadFromRegistry');
  const backTo = `/persone?${new URLSearchParams({ ...(from.q ? { q: from.q } : {}), ...(from.birthDate ? { nascita: from.birthDate } : {}) }).toString()}`;
  const registryCode = state.mode === 'fiscalCode' && decodeFiscalCode(state.fiscalCode, today).status === 'valid' ? state.fiscalCode.replace(/\s+/g, '').toUpperCase() : null;

  const fail = (list: FormIssue[], error: unknown) => {
    setIssues(list);
    setFailure(error);
    setAttempt((n) => n + 1);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validatePersonForm(state, today, { creating: true }).map((i) => ({ path: i.path, message: t(`persons.validation.${i.code}`) }));
    if (local.length) return fail(local, null);
    const { input, addressKinds } = toCreateInput(state, from.searchToken);
    try {
      const person = await create.mutateAsync(input);
      remember(person);
      navigate(`/persone/${person.id}`, { state: { notice: 'created' } });
    } catch (err) {
      const list = serverIssues(err, addressKinds);
      fail(list, list.length ? null : err);
    }
  };

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('persons.search.title'), to: backTo }, { label: title }]} />
      <h1>{title}</h1>
      <p className="lead">{t('persons.create.intro')}</p>
      {canLoadRegistry && state.mode !== 'anonymous' && <RegistryPanel fiscalCode={registryCode} onLoaded={(p) => setState((s) => patchFromRegistry(s, p, today))} />}
      <form onSubmit={(e) => void submit(e)} noValidate aria-describedby="pf-required-note">
        <p id="pf-required-note" className="small">{t('common.requiredNote')}</p>
        <ErrorSummary issues={issues} error={failure} labelOf={labelOf} attempt={attempt} />
        {isApiError(failure) && failure.code === 'conflict' && <p className="small">{t('persons.create.conflictHint')}</p>}
        <PersonForm state={state} setState={setState} creating issues={issues} prefillCode={state.fiscalCode || undefined} />
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t(create.isPending ? 'persons.form.saving' : 'persons.create.submit')}
          </button>
          <Link to={backTo} className="btn btn-outline-secondary">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
