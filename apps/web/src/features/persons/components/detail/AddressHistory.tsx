import { useTranslation } from 'react-i18next';
import { isMasked } from '@siso/shared';
import type { AddressView, PersonView } from '@siso/shared';
import { formatDate, todayIso } from '../../lib/format';

const line = (a: AddressView) =>
  [[a.street, a.civic].filter(Boolean).join(' '), [a.postalCode, a.comuneName ?? a.stateName].filter(Boolean).join(' '), a.locality].filter(Boolean).join(', ');

/** Split by kind and by time: the current address first, then the past ones, newest first. */
export function groupAddresses(list: readonly AddressView[], today: string) {
  const byKind = (kind: AddressView['kind']) => {
    const mine = list.filter((a) => a.kind === kind).sort((x, y) => y.validFrom.localeCompare(x.validFrom));
    const current = mine.filter((a) => a.validFrom <= today && (!a.validTo || a.validTo >= today));
    const future = mine.filter((a) => a.validFrom > today);
    const past = mine.filter((a) => a.validTo && a.validTo < today);
    return { current, future, past };
  };
  return { residence: byKind('residence'), domicile: byKind('domicile') };
}

/**
 * Residence and domicile with their history (issue 4, point 2): current and past, with validity and
 * source; a protected person's addresses are masked for everyone not granted.
 */
export function AddressHistory({ addresses, onNew }: { addresses: PersonView['addresses']; onNew?: ((kind: AddressView['kind']) => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="mb-4" aria-labelledby="pd-addresses-title">
      <h3 id="pd-addresses-title" className="h5 border-bottom pb-1">{t('persons.sections.housing')}</h3>
      {isMasked(addresses) ? (
        <p className="fst-italic">{t('persons.detail.addressesReserved')}</p>
      ) : (
        (['residence', 'domicile'] as const).map((kind) => {
          const g = groupAddresses(addresses, todayIso())[kind];
          return (
            <div key={kind} className="mb-3">
              <div className="d-flex flex-wrap align-items-center gap-2">
                <h4 className="h6 mb-0">{t(`persons.addressKinds.${kind}`)}</h4>
                {onNew && (
                  <button type="button" className="btn btn-outline-primary btn-xs btn-sm py-0" onClick={() => onNew(kind)}>
                    {t(`persons.address.new.${kind}`)}
                  </button>
                )}
              </div>
              {g.current.length + g.future.length + g.past.length === 0 ? (
                <p className="small text-secondary mt-1">{t('persons.address.none')}</p>
              ) : (
                <table className="table table-sm mt-1">
                  <caption className="visually-hidden">{t('persons.address.caption', { kind: t(`persons.addressKinds.${kind}`) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('persons.address.address')}</th>
                      <th scope="col">{t('persons.address.validFrom')}</th>
                      <th scope="col">{t('persons.address.validTo')}</th>
                      <th scope="col">{t('persons.address.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...g.future.map((a) => ({ a, when: 'future' as const })), ...g.current.map((a) => ({ a, when: 'current' as const })), ...g.past.map((a) => ({ a, when: 'past' as const }))].map(({ a, when }) => (
                      <tr key={a.id} className={when === 'current' ? 'fw-semibold' : when === 'past' ? 'text-secondary' : ''}>
                        <td>{line(a) || '—'}</td>
                        <td>{formatDate(a.validFrom)}</td>
                        <td>{formatDate(a.validTo)}</td>
                        <td>
                          {t(`persons.address.${when}`)}
                          {a.source === 'registry' && <span className="d-block small fw-normal">{t('persons.address.fromRegistry')}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          );
        })
      )}
    </section>
  );
}
