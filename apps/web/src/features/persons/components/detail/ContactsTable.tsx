import { useTranslation } from 'react-i18next';
import { isMasked } from '@siso/shared';
import type { PersonView } from '@siso/shared';

/** Contacts with who each belongs to. */
export function ContactsTable({ contacts }: { contacts: PersonView['contacts'] }) {
  const { t } = useTranslation();
  return (
    <section className="mb-4" aria-labelledby="pd-contacts-title">
      <h3 id="pd-contacts-title" className="h5 border-bottom pb-1">{t('persons.sections.contacts')}</h3>
      {isMasked(contacts) ? (
        <p className="fst-italic">{t('persons.masked')}</p>
      ) : contacts.length === 0 ? (
        <p>{t('persons.contacts.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('persons.sections.contacts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('persons.contacts.kind')}</th>
                <th scope="col">{t('persons.contacts.value')}</th>
                <th scope="col">{t('persons.contacts.owner')}</th>
                <th scope="col">{t('persons.contacts.note')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c, i) => (
                <tr key={i}>
                  <td>{t(`persons.contactKinds.${c.kind}`)}</td>
                  <td>{c.value}</td>
                  <td>{t(`persons.contactOwners.${c.owner}`)}{c.ownerName ? ` — ${c.ownerName}` : ''}</td>
                  <td>{c.note ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
