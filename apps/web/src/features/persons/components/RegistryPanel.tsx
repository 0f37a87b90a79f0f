import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryPerson } from '@siso/shared';
import { isApiError } from '../../../lib/api';
import { useLoadFromRegistry } from '../hooks/usePersons';
import { serverIssues } from '../lib/formErrors';
import { FormScopeProvider, TextInput } from './form/fields';
import { RegistryHousehold } from './RegistryHousehold';
import { useFieldName } from './useFieldName';
import { useFieldValueText } from './useFieldValueText';

interface RegistryPanelProps {
  /** The code to look up (normalised); null when there is none to look up. */
  fiscalCode: string | null;
  /** Compare mode: the person whose data are compared with the registry. */
  personId?: string;
  /** Prefill mode: receives what the registry holds. */
  onLoaded?: (p: RegistryPerson) => void;
  /** Inside a panel that already has the heading. */
  embedded?: boolean;
}

/**
 * "Carica da anagrafe (ANPR)" on the form (prefill) and "Confronta con anagrafe" on a person (the
 * differences): persons.loadFromRegistry, a read of the registry that changes nothing here; the
 * operator states why (audited purpose).
 */
export function RegistryPanel({ fiscalCode, personId, onLoaded, embedded }: RegistryPanelProps) {
  const { t } = useTranslation();
  const value = useFieldValueText();
  const fieldName = useFieldName();
  const headingId = useId();
  const load = useLoadFromRegistry();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const compare = Boolean(personId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!fiscalCode) return;
    if (reason.trim().length < 3) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    load.mutate(
      { fiscalCode, reason: reason.trim(), ...(personId ? { personId } : {}) },
      { onSuccess: (r) => r.found && r.person && onLoaded?.(r.person) },
    );
  };
  const issues = [...(tooShort ? [{ path: 'reason', message: t('persons.registry.reasonShort') }] : []), ...serverIssues(load.error)];
  const r = load.data;
  return (
    <section className={embedded ? 'mb-3' : 'card card-bg p-4 mb-4'} aria-labelledby={embedded ? undefined : headingId}>
      {!embedded && <h2 id={headingId} className="h5">{t(compare ? 'persons.registry.compareTitle' : 'persons.registry.loadTitle')}</h2>}
      <p className="small">{t(compare ? 'persons.registry.compareIntro' : 'persons.registry.loadIntro')}</p>
      {!fiscalCode ? (
        <p className="mb-0">{t('persons.registry.needsCode')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormScopeProvider prefix={compare ? 'rc' : 'rl'} issues={issues}>
            <TextInput path="reason" label={t('persons.registry.reason')} value={reason} onChange={setReason} required maxLength={200} hint={t('persons.registry.reasonHint')} />
          </FormScopeProvider>
          <button type="submit" className="btn btn-outline-primary" disabled={load.isPending}>
            {t(load.isPending ? 'persons.registry.loading' : compare ? 'persons.registry.compareButton' : 'persons.registry.loadButton')}
          </button>
        </form>
      )}
      <div aria-live="polite" className="mt-3">
        {load.isError && !serverIssues(load.error).length && <div className="alert alert-danger">{isApiError(load.error) ? load.error.message : t('errors.unexpected')}</div>}
        {r && r.source === 'none' && <div className="alert alert-info">{t('persons.registry.noSource')}</div>}
        {r && r.source !== 'none' && !r.found && <div className="alert alert-warning">{t('persons.registry.notFound', { source: t(`persons.registry.sources.${r.source}`) })}</div>}
        {r?.source !== 'none' && r?.warnings.map((w) => (
          <div key={w} className="alert alert-warning">{w}</div>
        ))}
        {r?.found && !compare && <div className="alert alert-success">{t('persons.registry.loaded', { source: t(`persons.registry.sources.${r.source}`) })}</div>}
        {r?.found && compare && r.differences.length === 0 && <div className="alert alert-success">{t('persons.registry.same')}</div>}
      </div>
      {r?.found && compare && r.differences.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('persons.registry.differencesCaption', { count: r.differences.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('persons.history.field')}</th>
                <th scope="col">{t('persons.registry.current')}</th>
                <th scope="col">{t('persons.registry.inRegistry')}</th>
              </tr>
            </thead>
            <tbody>
              {r.differences.map((d) => (
                <tr key={d.field}>
                  <th scope="row">{fieldName(d.field)}</th>
                  <td>{value(d.field, d.current)}</td>
                  <td>{value(d.field, d.registry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r?.found && r.person && r.person.household.length > 0 && <RegistryHousehold members={r.person.household} />}
    </section>
  );
}
