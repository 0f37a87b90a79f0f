import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFindPersons } from '../../hooks/usePersons';
import { useValueText } from '../../hooks/useValueText';
import { formatDate, personName, unmasked } from '../../lib/format';

interface Props {
  /** People already in the group (and the owner) are not offered again. */
  exclude: readonly string[];
  onPick: (p: { personId: string; personLabel: string }) => void;
  onFreeText: (name: string) => void;
}

/** Adds a member: a person found in the registry (persons.find), or a name for someone not registered. */
export function MemberPicker({ exclude, onPick, onFreeText }: Props) {
  const { t } = useTranslation();
  const { text, reserved } = useValueText();
  const id = useId();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [free, setFree] = useState('');
  const found = useFindPersons(search ? { q: search, limit: 10 } : null);
  const items = (found.data?.items ?? []).filter((p) => !exclude.includes(p.id));
  const submit = (e: { preventDefault: () => void }) => {
    e.preventDefault();
    if (q.trim().replace(/\s/g, '').length >= 2) setSearch(q.trim());
  };
  return (
    <div className="border rounded p-3 mb-3">
      <h4 className="h6">{t('persons.household.addMember')}</h4>
      {/* Not a nested <form>: the group editor is already one. Enter in the box searches. */}
      <div className="row align-items-end" role="search" aria-label={t('persons.household.searchMember')}>
        <div className="col-md-8 form-group mb-2">
          <label htmlFor={`${id}-q`} className="active">{t('persons.household.searchMember')}</label>
          <input id={`${id}-q`} type="search" className="form-control" value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && submit(e)} />
        </div>
        <div className="col-md-4 mb-2">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={submit}>{t('persons.search.submit')}</button>
        </div>
      </div>
      <div aria-live="polite">
        {search && found.isFetching && <p className="small">{t('persons.search.searching')}</p>}
        {search && !found.isFetching && found.data && <p className="small">{t('persons.search.found', { count: items.length })}</p>}
      </div>
      {items.length > 0 && (
        <ul className="list-unstyled">
          {items.map((p) => {
            const label = `${personName(p) ?? reserved} — ${text(p.fiscalCode)}`;
            const birth = unmasked(p.birthDate);
            return (
              <li key={p.id} className="d-flex flex-wrap align-items-center gap-2 mb-1">
                <span>{label}{birth ? ` (${formatDate(birth)})` : ''}</span>
                <button type="button" className="btn btn-link btn-sm p-0" onClick={() => onPick({ personId: p.id, personLabel: label })}>
                  {t('persons.household.add')}<span className="visually-hidden"> {label}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="row align-items-end">
        <div className="col-md-8 form-group mb-2">
          <label htmlFor={`${id}-free`} className="active">{t('persons.household.freeText')}</label>
          <input id={`${id}-free`} className="form-control" value={free} maxLength={200} onChange={(e) => setFree(e.target.value)} />
        </div>
        <div className="col-md-4 mb-2">
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={!free.trim()}
            onClick={() => {
              onFreeText(free.trim());
              setFree('');
            }}
          >
            {t('persons.household.addFree')}
          </button>
        </div>
      </div>
    </div>
  );
}
