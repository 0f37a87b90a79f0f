import { useTranslation } from 'react-i18next';
import { PersonFlags } from '../../persons/components/PersonFlags';
import type { FoundPerson } from '../../persons/hooks/usePersons';
import { useValueText } from '../../persons/hooks/useValueText';
import { formatDate, personName, unmasked } from '../../persons/lib/format';

/**
 * The matches of a registry search with a "Scegli" button each (the registry's own results link to
 * the person instead). People outside one's scope are listed but cannot be chosen.
 */
export function PersonPickList({ items, loading, onPick, disabled }: { items: readonly FoundPerson[] | null; loading: boolean; onPick: (id: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const { text, reserved } = useValueText();
  const status = loading ? t('persons.search.searching') : items ? t('persons.search.found', { count: items.length }) : '';
  return (
    <div>
      <p role="status" aria-live="polite" className="fw-semibold">{status}</p>
      {items && items.length > 0 && (
        <div className="table-responsive">
          <table className="table align-middle">
            <caption className="visually-hidden">{t('persons.search.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('persons.search.col.name')}</th>
                <th scope="col">{t('persons.fields.birthDate')}</th>
                <th scope="col">{t('persons.fields.fiscalCode')}</th>
                <th scope="col">{t('persons.search.col.flags')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => {
                const name = personName(p) ?? reserved;
                const birth = unmasked(p.birthDate);
                return (
                  <tr key={p.id}>
                    <th scope="row" className="fw-normal">{name}</th>
                    <td>{birth === undefined ? reserved : formatDate(birth)}</td>
                    <td className="text-nowrap">{text(p.fiscalCode)}</td>
                    <td><PersonFlags outOfScope={!p.inScope} deceased={p.deceased} protected={p.protected} anonymous={p.anonymous} fiscalCodeKind={p.fiscalCodeKind} /></td>
                    <td>
                      {p.inScope && (
                        <button type="button" className="btn btn-primary btn-sm" disabled={disabled} onClick={() => onPick(p.id)}>
                          {t('intake.user.choose')}
                          <span className="visually-hidden"> {name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
