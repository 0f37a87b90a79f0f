import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../common/components/EmptyState';
import type { FoundPerson } from '../hooks/usePersons';
import { useValueText } from '../hooks/useValueText';
import { formatDate, personName, unmasked } from '../lib/format';
import { PersonDeskSlots } from './PersonDeskSlots';
import { PersonFlags } from './PersonFlags';

interface PersonSearchResultsProps {
  /** Null before the first search or while searching. */
  items: readonly FoundPerson[] | null;
  loading: boolean;
  /** Shown when the search allows creating (a search token and persons.create); opens the form. */
  onCreate?: (() => void) | undefined;
}

/**
 * Ranked matches (issue 4, point 1): people in scope in full (masked fields as "Riservato") with a
 * link to the detail; people outside it as a limited preview without link. The count is announced.
 */
export function PersonSearchResults({ items, loading, onCreate }: PersonSearchResultsProps) {
  const { t } = useTranslation();
  const { text, reserved } = useValueText();
  const status = loading ? t('persons.search.searching') : items ? t('persons.search.found', { count: items.length }) : '';
  const create = onCreate && (
    <button type="button" className="btn btn-outline-primary" onClick={onCreate}>
      {t('persons.search.newPerson')}
    </button>
  );
  return (
    <section aria-labelledby="ps-results-title">
      <h2 id="ps-results-title" className="visually-hidden">{t('persons.search.resultsTitle')}</h2>
      <p role="status" aria-live="polite" className={items && items.length > 0 ? 'fw-semibold' : 'visually-hidden'}>
        {status}
      </p>
      {items && items.length === 0 && (
        <EmptyState title={t('persons.search.noneTitle')} icon="it-search">
          <p className="mb-3">{t(onCreate ? 'persons.search.noneCreate' : 'persons.search.noneText')}</p>
          {create}
        </EmptyState>
      )}
      {items && items.length > 0 && (
        <>
          <div className="table-responsive">
            <table className="table align-middle">
              <caption className="visually-hidden">{t('persons.search.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('persons.search.col.name')}</th>
                  <th scope="col">{t('persons.fields.birthDate')}</th>
                  <th scope="col">{t('persons.fields.fiscalCode')}</th>
                  <th scope="col">{t('persons.fields.birthPlace')}</th>
                  <th scope="col">{t('persons.search.col.ente')}</th>
                  <th scope="col">{t('persons.search.col.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => {
                  const name = personName(p) ?? reserved;
                  const birth = unmasked(p.birthDate);
                  return (
                    <tr key={p.id} data-in-scope={p.inScope}>
                      <th scope="row" className="fw-normal">
                        {p.inScope && p.abilities.includes('persons.get') ? <Link to={`/persone/${p.id}`}>{name}</Link> : <span>{name}</span>}
                      </th>
                      <td>{birth === undefined ? reserved : formatDate(birth)}</td>
                      <td className="text-nowrap">{text(p.fiscalCode)}</td>
                      <td>{p.inScope ? text(p.birthPlaceName) : '—'}</td>
                      <td>{p.enteName}</td>
                      <td>
                        <PersonFlags outOfScope={!p.inScope} deceased={p.deceased} protected={p.protected} anonymous={p.anonymous} fiscalCodeKind={p.fiscalCodeKind} />
                        <PersonDeskSlots slots={p.slots} />
                        {p.matchedOn.length > 0 && (
                          <span className="d-block small text-secondary">
                            {t('persons.search.matchedOn', { fields: p.matchedOn.map((m) => t(`persons.search.matched.${m}`)).join(', ') })}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {onCreate && (
            <div className="mt-3">
              <p>{t('persons.search.notAmong')}</p>
              {create}
            </div>
          )}
        </>
      )}
    </section>
  );
}
