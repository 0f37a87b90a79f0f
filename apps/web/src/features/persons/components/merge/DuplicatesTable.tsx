import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '@siso/shared';
import type { ActionOutput } from '../../../../lib/api';
import { useValueText } from '../../hooks/useValueText';
import { formatDate, personName, unmasked } from '../../lib/format';
import { PersonFlags } from '../PersonFlags';

type Pair = ActionOutput<'persons.findDuplicates'>['items'][number];

function Who({ p }: { p: PersonSummary }) {
  const { text, reserved } = useValueText();
  const birth = unmasked(p.birthDate);
  return (
    <>
      <Link to={`/persone/${p.id}`}>{personName(p) ?? reserved}</Link>
      <span className="d-block small">{text(p.fiscalCode)} · {birth === undefined ? reserved : formatDate(birth)}</span>
      <span className="d-block small text-secondary">{p.enteName}</span>
      <PersonFlags deceased={p.deceased} fiscalCodeKind={p.fiscalCodeKind} />
    </>
  );
}

/** Likely duplicates with score and reasons (issue 4, point 7); "Confronta e unisci" with persons.merge. */
export function DuplicatesTable({ items, canMerge }: { items: readonly Pair[]; canMerge: boolean }) {
  const { t } = useTranslation();
  const pct = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="table-responsive">
      <table className="table align-middle">
        <caption className="visually-hidden">{t('persons.duplicates.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('persons.duplicates.first')}</th>
            <th scope="col">{t('persons.duplicates.second')}</th>
            <th scope="col">{t('persons.duplicates.score')}</th>
            <th scope="col">{t('persons.duplicates.reasons')}</th>
            {canMerge && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={`${d.a.id}:${d.b.id}`}>
              <td><Who p={d.a} /></td>
              <td><Who p={d.b} /></td>
              <td>{pct.format(d.score)}</td>
              <td>
                <ul className="list-unstyled mb-0 small">
                  {d.reasons.map((r) => <li key={r}>{t(`persons.duplicates.reasonLabels.${r}`)}</li>)}
                </ul>
              </td>
              {canMerge && (
                <td>
                  <Link className="btn btn-outline-primary btn-sm" to={`/persone/unisci?a=${d.a.id}&b=${d.b.id}`}>
                    {t('persons.duplicates.compare')}
                    <span className="visually-hidden"> {t('persons.duplicates.pairOf', { a: personName(d.a) ?? '', b: personName(d.b) ?? '' })}</span>
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
