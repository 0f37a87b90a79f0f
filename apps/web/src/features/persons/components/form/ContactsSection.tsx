import { useTranslation } from 'react-i18next';
import { contactKinds, contactOwners } from '@siso/shared';
import { emptyContact, type ContactRow } from '../../lib/personForm';
import { ReservedField, SelectInput, TextInput } from './fields';
import type { SectionProps } from './sectionProps';

/** "Contatti": phone numbers and addresses, each with who it belongs to (the person, a relative…). */
export function ContactsSection({ state, set, masked }: SectionProps) {
  const { t } = useTranslation();
  if (masked.has('contacts')) {
    return (
      <fieldset className="person-fieldset">
        <legend>{t('persons.sections.contacts')}</legend>
        <ReservedField label={t('persons.fields.contacts')} text={t('persons.masked')} />
      </fieldset>
    );
  }
  const change = (i: number, patch: Partial<ContactRow>) => set('contacts', state.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="person-fieldset">
      <legend>{t('persons.sections.contacts')}</legend>
      {state.contacts.length === 0 && <p className="small text-secondary">{t('persons.contacts.none')}</p>}
      {state.contacts.map((c, i) => (
        <fieldset key={i} className="border rounded p-3 mb-3">
          <legend className="h6 fw-semibold w-auto px-1">{t('persons.contacts.n', { n: i + 1 })}</legend>
          <div className="row">
            <div className="col-md-4">
              <SelectInput path={`contacts.${i}.kind`} label={t('persons.contacts.kind')} value={c.kind} onChange={(v) => change(i, { kind: (v || 'other') as ContactRow['kind'] })} options={contactKinds.map((k) => ({ value: k, label: t(`persons.contactKinds.${k}`) }))} required />
            </div>
            <div className="col-md-8">
              <TextInput path={`contacts.${i}.value`} label={t('persons.contacts.value')} value={c.value} onChange={(v) => change(i, { value: v })} required maxLength={200} />
            </div>
            <div className="col-md-4">
              <SelectInput path={`contacts.${i}.owner`} label={t('persons.contacts.owner')} value={c.owner} onChange={(v) => change(i, { owner: (v || 'self') as ContactRow['owner'] })} options={contactOwners.map((k) => ({ value: k, label: t(`persons.contactOwners.${k}`) }))} required />
            </div>
            {c.owner !== 'self' && (
              <div className="col-md-8">
                <TextInput path={`contacts.${i}.ownerName`} label={t('persons.contacts.ownerName')} value={c.ownerName} onChange={(v) => change(i, { ownerName: v })} maxLength={200} />
              </div>
            )}
            <div className="col-12">
              <TextInput path={`contacts.${i}.note`} label={t('persons.contacts.note')} value={c.note} onChange={(v) => change(i, { note: v })} maxLength={500} />
            </div>
          </div>
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => set('contacts', state.contacts.filter((_, j) => j !== i))}>
            {t('persons.form.remove')}<span className="visually-hidden"> {t('persons.contacts.n', { n: i + 1 })}</span>
          </button>
        </fieldset>
      ))}
      {state.contacts.length < 20 && (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => set('contacts', [...state.contacts, emptyContact()])}>
          {t('persons.contacts.add')}
        </button>
      )}
    </fieldset>
  );
}
