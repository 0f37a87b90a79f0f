import { useTranslation } from 'react-i18next';
import type { RegistryPerson } from '@siso/shared';
import { formatDate } from '../lib/format';
import { useCodeLabel } from './form/CodeListSelect';

/** The household as the registry has it (informational: households are edited under "Nucleo e rete"). */
export function RegistryHousehold({ members }: { members: RegistryPerson['household'] }) {
  const { t } = useTranslation();
  const relationship = useCodeLabel('anpr.relazione_parentela');
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption>{t('persons.registry.householdCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('persons.fields.name')}</th>
            <th scope="col">{t('persons.fields.fiscalCode')}</th>
            <th scope="col">{t('persons.fields.birthDate')}</th>
            <th scope="col">{t('persons.household.relationship')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m, i) => (
            <tr key={m.fiscalCode ?? i}>
              <td>{[m.surname, m.name].filter(Boolean).join(' ') || '—'}</td>
              <td>{m.fiscalCode ?? '—'}</td>
              <td>{formatDate(m.birthDate)}</td>
              <td>{relationship(m.relationship)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
