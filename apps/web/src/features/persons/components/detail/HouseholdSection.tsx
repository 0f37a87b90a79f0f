import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { householdGroupKinds, isMasked } from '@siso/shared';
import type { HouseholdGroupView, PersonView } from '@siso/shared';
import { ErrorNotice } from '../../../common/components/ErrorNotice';
import { Loading } from '../../../common/components/Loading';
import { useHousehold } from '../../hooks/usePersons';
import { useValueText } from '../../hooks/useValueText';
import { formatDate, personName } from '../../lib/format';
import { useCodeLabel } from '../form/CodeListSelect';
import { HouseholdEditor } from './HouseholdEditor';

type Kind = (typeof householdGroupKinds)[number];

/**
 * "Nucleo e rete" (issue 4, point 6): the household, other relatives and the wider network, each
 * editable with its ability; the groups of other people this person belongs to. A protected person's
 * links read "informazioni riservate" for everyone not granted.
 */
export function HouseholdSection({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const hh = useHousehold(person.id);
  const relationship = useCodeLabel('anpr.relazione_parentela');
  const [editing, setEditing] = useState<Kind | null>(null);
  if (hh.isPending) return <Loading />;
  if (hh.isError) return <ErrorNotice error={hh.error} onRetry={() => void hh.refetch()} />;
  const { groups, memberOf } = hh.data;
  if (isMasked(groups)) return <p className="alert alert-secondary">{t('persons.household.reserved')}</p>;
  return (
    <>
      {householdGroupKinds.map((kind) => {
        const group = groups.find((g) => g.kind === kind) ?? null;
        const canEdit = (group ? group.abilities : person.abilities).includes('households.update');
        return (
          <section key={kind} className="mb-4" aria-labelledby={`hh-${kind}-title`}>
            <div className="d-flex flex-wrap align-items-center gap-2 border-bottom pb-1 mb-2">
              <h3 id={`hh-${kind}-title`} className="h5 mb-0">{t(`persons.household.kinds.${kind}`)}</h3>
              {canEdit && (
                <button type="button" className="btn btn-outline-primary btn-sm py-0" aria-expanded={editing === kind} onClick={() => setEditing(kind)}>
                  {t('persons.household.editButton')}<span className="visually-hidden"> {t(`persons.household.kinds.${kind}`)}</span>
                </button>
              )}
            </div>
            {editing === kind ? (
              <HouseholdEditor personId={person.id} kind={kind} group={group} onClose={() => setEditing(null)} onReload={() => void hh.refetch()} />
            ) : (
              <GroupTable group={group} kind={kind} relationship={relationship} />
            )}
          </section>
        );
      })}
      <section aria-labelledby="hh-memberof-title">
        <h3 id="hh-memberof-title" className="h5 border-bottom pb-1">{t('persons.household.memberOf')}</h3>
        {isMasked(memberOf) ? (
          <p className="fst-italic">{t('persons.household.reserved')}</p>
        ) : memberOf.length === 0 ? (
          <p>{t('persons.household.memberOfNone')}</p>
        ) : (
          <ul>
            {memberOf.map((m) => (
              <li key={m.groupId}>
                <Link to={`/persone/${m.owner.id}`}>{personName(m.owner) ?? t('persons.masked')}</Link> — {t(`persons.household.kinds.${m.kind}`)}, {relationship(m.relationship)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function GroupTable({ group, kind, relationship }: { group: HouseholdGroupView | null; kind: Kind; relationship: (c: string) => string }) {
  const { t } = useTranslation();
  const { text, reserved, describe } = useValueText();
  if (!group || (group.members.length === 0 && group.hiddenMembers === 0)) {
    return <p>{group?.livesAlone === true ? t('persons.household.livesAloneShort') : t('persons.household.empty')}</p>;
  }
  return (
    <>
      {group.livesAlone === true && <p>{t('persons.household.livesAloneShort')}</p>}
      {group.members.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t(`persons.household.kinds.${kind}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('persons.household.fields.member')}</th>
                <th scope="col">{t('persons.household.fields.relationship')}</th>
                <th scope="col">{t('persons.household.fields.cohabiting')}</th>
                <th scope="col">{t('persons.household.fields.parentalResponsibility')}</th>
                <th scope="col">{t('persons.household.fields.availability')}</th>
                <th scope="col">{t('persons.household.fields.contact')}</th>
                <th scope="col">{t('persons.household.fields.validity')}</th>
              </tr>
            </thead>
            <tbody>
              {group.members.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="fw-normal">
                    {m.person ? <Link to={`/persone/${m.person.id}`}>{personName(m.person) ?? reserved}</Link> : text(m.displayName)}
                    {m.source === 'registry' && <span className="d-block small text-secondary">{t('persons.address.fromRegistry')}</span>}
                  </th>
                  <td>{m.relationshipLabel ?? relationship(m.relationship)}</td>
                  <td>{describe(m.cohabiting)}</td>
                  <td>{describe(m.parentalResponsibility)}</td>
                  <td>{m.availability ? t(`persons.household.availability.${m.availability}`) : '—'}</td>
                  <td>{text(m.contact)}</td>
                  <td className="text-nowrap">{m.validFrom || m.validTo ? `${formatDate(m.validFrom)} – ${formatDate(m.validTo)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {group.hiddenMembers > 0 && <p className="small fst-italic">{t('persons.household.hidden', { count: group.hiddenMembers })}</p>}
    </>
  );
}
