import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isMasked } from '@siso/shared';
import type { PersonView } from '@siso/shared';
import { isApiError } from '../lib/api';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { ErrorNotice } from '../features/common/components/ErrorNotice';
import { Loading } from '../features/common/components/Loading';
import { useArrivalNotice } from '../features/common/hooks/useArrivalNotice';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { AddressHistory } from '../features/persons/components/detail/AddressHistory';
import { ContactsTable } from '../features/persons/components/detail/ContactsTable';
import { EditPersonPanel } from '../features/persons/components/detail/EditPersonPanel';
import { HistorySection } from '../features/persons/components/detail/HistorySection';
import { HouseholdSection } from '../features/persons/components/detail/HouseholdSection';
import { IdentifyPanel } from '../features/persons/components/detail/IdentifyPanel';
import { NewAddressPanel } from '../features/persons/components/detail/NewAddressPanel';
import { PersonDataView } from '../features/persons/components/detail/PersonDataView';
import { PersonHeader } from '../features/persons/components/detail/PersonHeader';
import { Panel } from '../features/persons/components/detail/Panel';
import { ReplaceFiscalCodePanel } from '../features/persons/components/detail/ReplaceFiscalCodePanel';
import { Tabs } from '../features/common/components/Tabs';
import { RegistryPanel } from '../features/persons/components/RegistryPanel';
import { usePerson, useRememberPerson } from '../features/persons/hooks/usePersons';
import { personName } from '../features/persons/lib/format';
import { BreakGlassScope } from '../features/break-glass/components/BreakGlassScope';
import { SharesPanel } from '../features/sharing/components/SharesPanel';
import { usePermission } from '../features/session/hooks/useSession';

type Tab = 'data' | 'household' | 'history' | 'sharing';
type Open = null | 'edit' | 'identify' | 'replace' | 'registry' | 'residence' | 'domicile';
const tabParam: Record<Tab, string | null> = { data: null, household: 'nucleo', history: 'storia', sharing: 'condivisioni' };

/** "Scheda persona" (/persone/:id). */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);
  usePageTitle(person.data ? (personName(person.data) ?? t('persons.masked')) : t('persons.detail.title'));
  if (person.isPending) return <Loading />;
  if (person.isError) {
    const missing = isApiError(person.error) && (person.error.code === 'not_found' || person.error.code === 'forbidden');
    return (
      <>
        <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('persons.search.title'), to: '/persone' }, { label: t('persons.detail.title') }]} />
        <h1>{t(missing ? 'persons.detail.notFound' : 'persons.detail.title')}</h1>
        {missing ? <p>{t('persons.detail.notFoundText')} <Link to="/persone">{t('persons.create.goSearch')}</Link></p> : <ErrorNotice error={person.error} onRetry={() => void person.refetch()} />}
      </>
    );
  }
  return <PersonDetail key={person.data.id} person={person.data} onReload={() => void person.refetch()} />;
}

function PersonDetail({ person, onReload }: { person: PersonView; onReload: () => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const remember = useRememberPerson();
  const [open, setOpen] = useState<Open>(null);
  // The notice of the page that sent us here ("created", "merged") is shown once, not again on reload.
  const [notice, setNotice] = useArrivalNotice();
  const can = (a: string) => person.abilities.includes(a);
  const canHousehold = can('households.get');
  const canHistory = can('persons.history');
  const canDuplicates = can('persons.findDuplicates');
  const canShares = usePermission('grants.find');
  const code = isMasked(person.fiscalCode) ? null : person.fiscalCode;
  const tabs: { key: Tab; label: string }[] = [
    { key: 'data', label: t('persons.detail.tabs.data') },
    ...(canHousehold ? [{ key: 'household' as const, label: t('persons.detail.tabs.household') }] : []),
    ...(canHistory ? [{ key: 'history' as const, label: t('persons.detail.tabs.history') }] : []),
    ...(canShares ? [{ key: 'sharing' as const, label: t('sharing.title') }] : []),
  ];
  const tab: Tab = tabs.find((x) => tabParam[x.key] === params.get('sezione'))?.key ?? 'data';
  const selectTab = (k: Tab) => setParams(tabParam[k] ? { sezione: tabParam[k] } : {}, { replace: true });
  const saved = (p: PersonView) => {
    remember(p);
    setOpen(null);
    setNotice('saved');
  };
  const panelProps = { person, onClose: () => setOpen(null), onSaved: saved, onReload };
  const actions: { key: Exclude<Open, null | 'residence' | 'domicile'>; label: string; show: boolean }[] = [
    { key: 'edit', label: t('persons.detail.actions.edit'), show: can('persons.update') && !person.mergedInto },
    { key: 'identify', label: t('persons.detail.actions.identify'), show: person.anonymous && can('persons.update') },
    { key: 'replace', label: t('persons.detail.actions.replace'), show: can('persons.replaceFiscalCode') },
    // The server grants it only for a definitive code (a temporary one never leaves SISO); a masked code cannot be looked up.
    { key: 'registry', label: t('persons.detail.actions.registry'), show: can('persons.loadFromRegistry') && Boolean(code) },
  ];

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('persons.search.title'), to: '/persone' }, { label: personName(person) ?? t('persons.masked') }]} />
      <PersonHeader person={person} />
      {/* A masked value below offers the emergency access of this person (issue 11, point 1). */}
      <BreakGlassScope recordKind="person" recordId={person.id}>
        <div role="status" aria-live="polite">
          {notice && <div className="alert alert-success">{t(`persons.detail.notices.${notice}` as 'persons.detail.notices.saved', { defaultValue: '' })}</div>}
        </div>
        <div className="d-flex flex-wrap gap-2 mb-3">
          {actions.filter((a) => a.show).map((a) => (
            <button key={a.key} type="button" className="btn btn-outline-primary btn-sm" aria-expanded={open === a.key} onClick={() => { setNotice(null); setOpen(a.key); }}>
              {a.label}
            </button>
          ))}
          {canDuplicates && <Link className="btn btn-outline-secondary btn-sm" to={`/persone/duplicati?persona=${person.id}`}>{t('persons.detail.actions.duplicates')}</Link>}
        </div>
        {open === 'edit' && <EditPersonPanel {...panelProps} />}
        {open === 'identify' && <IdentifyPanel {...panelProps} />}
        {open === 'replace' && <ReplaceFiscalCodePanel {...panelProps} />}
        {(open === 'residence' || open === 'domicile') && <NewAddressPanel {...panelProps} kind={open} />}
        {open === 'registry' && (
          <Panel title={t('persons.detail.actions.registry')} onClose={() => setOpen(null)}>
            <RegistryPanel fiscalCode={code} personId={person.id} embedded />
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setOpen(null)}>{t('persons.form.close')}</button>
          </Panel>
        )}
        {tabs.length > 1 && <Tabs id="person" className="mb-3" tabs={tabs} active={tab} onSelect={selectTab} label={t('persons.detail.tabs.label')} />}
        <div id={`person-panel-${tab}`} role={tabs.length > 1 ? 'tabpanel' : undefined} aria-labelledby={tabs.length > 1 ? `person-tab-${tab}` : undefined} tabIndex={tabs.length > 1 ? 0 : undefined}>
          {tab === 'data' && (
            <>
              <PersonDataView person={person} />
              <ContactsTable contacts={person.contacts} />
              <AddressHistory addresses={person.addresses} onNew={can('persons.update') && !isMasked(person.addresses) ? (kind) => { setNotice(null); setOpen(kind); } : undefined} />
            </>
          )}
          {tab === 'household' && <HouseholdSection person={person} />}
          {tab === 'history' && <HistorySection personId={person.id} />}
          {tab === 'sharing' && <SharesPanel id="person-sharing" recordKind="person" recordId={person.id} canGiveWriting={can('persons.update')} />}
        </div>
      </BreakGlassScope>
    </>
  );
}
