import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '@siso/shared';
import { Breadcrumb } from '../features/common/components/Breadcrumb';
import { ErrorNotice } from '../features/common/components/ErrorNotice';
import { Loading } from '../features/common/components/Loading';
import { usePageTitle } from '../features/common/hooks/usePageTitle';
import { MergeForm } from '../features/persons/components/merge/MergeForm';
import { PersonFlags } from '../features/persons/components/PersonFlags';
import { usePerson } from '../features/persons/hooks/usePersons';
import { useValueText } from '../features/persons/hooks/useValueText';
import { personName } from '../features/persons/lib/format';

/**
 * "Unisci persone" (/persone/unisci?a=…&b=…): choose who stays (?resta=b swaps), then field by field.
 * The merged person keeps pointing to the survivor; the merge is audited and visible in the history.
 */
export function PersonsMergePage() {
  const { t } = useTranslation();
  const title = t('persons.merge.title');
  usePageTitle(title);
  const [params, setParams] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const keepB = params.get('resta') === 'b';
  const pa = usePerson(a);
  const pb = usePerson(b);
  const crumbs = <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('persons.duplicates.title'), to: '/persone/duplicati' }, { label: title }]} />;
  if (!a || !b || a === b) {
    return (
      <>
        {crumbs}
        <h1>{title}</h1>
        <p>{t('persons.merge.missing')} <Link to="/persone/duplicati">{t('persons.duplicates.title')}</Link></p>
      </>
    );
  }
  const reload = () => {
    void pa.refetch();
    void pb.refetch();
  };
  const swap = (toB: boolean) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (toB) next.set('resta', 'b');
    else next.delete('resta');
    return next;
  }, { replace: true });
  return (
    <>
      {crumbs}
      <h1 className="mb-3">{title}</h1>
      {(pa.isPending || pb.isPending) && <Loading />}
      {pa.isError && <ErrorNotice error={pa.error} onRetry={() => void pa.refetch()} />}
      {pb.isError && <ErrorNotice error={pb.error} onRetry={() => void pb.refetch()} />}
      {pa.data && pb.data && (
        <>
          <fieldset className="mb-4">
            <legend className="h5">{t('persons.merge.survivorLegend')}</legend>
            <div className="row">
              {[pa.data, pb.data].map((p, i) => (
                <div key={p.id} className="col-md-6">
                  <div className="form-check card card-bg p-3">
                    <input type="radio" id={`mg-survivor-${i}`} name="mg-survivor" checked={keepB === (i === 1)} onChange={() => swap(i === 1)} />
                    <label htmlFor={`mg-survivor-${i}`}><PersonCard person={p} /></label>
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
          {pa.data.abilities.includes('persons.merge') && pb.data.abilities.includes('persons.merge') ? (
            <MergeForm key={keepB ? 'b' : 'a'} survivor={keepB ? pb.data : pa.data} merged={keepB ? pa.data : pb.data} onReload={reload} />
          ) : (
            <div className="alert alert-warning">{t('persons.merge.notAllowed')}</div>
          )}
        </>
      )}
    </>
  );
}

function PersonCard({ person }: { person: PersonView }) {
  const { text, reserved } = useValueText();
  return (
    <>
      <span className="d-block fw-semibold">{personName(person) ?? reserved}</span>
      <span className="d-block small">{text(person.fiscalCode)} · {person.enteName}</span>
      <PersonFlags deceased={person.deceased} protected={person.protected} anonymous={person.anonymous} fiscalCodeKind={person.fiscalCodeKind} />
    </>
  );
}
