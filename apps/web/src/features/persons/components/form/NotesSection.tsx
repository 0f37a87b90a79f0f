import { useTranslation } from 'react-i18next';
import { protectionReasons } from '@siso/shared';
import type { PersonFormState } from '../../lib/personForm';
import { CheckInput, ReservedField, SelectInput, TextArea, TextInput } from './fields';
import type { SectionProps } from './sectionProps';

/** "Note": free notes and the link with the registry (ANPR id, follow changes). */
export function NotesSection({ state, set, masked }: SectionProps) {
  const { t } = useTranslation();
  const reserved = t('persons.masked');
  return (
    <fieldset className="person-fieldset">
      <legend>{t('persons.sections.notes')}</legend>
      {masked.has('notes') ? <ReservedField label={t('persons.fields.notes')} text={reserved} /> : <TextArea path="notes" label={t('persons.fields.notes')} value={state.notes} onChange={(v) => set('notes', v)} maxLength={4000} />}
      {masked.has('anprId') ? (
        <ReservedField label={t('persons.fields.anprId')} text={reserved} />
      ) : (
        <TextInput path="anprId" label={t('persons.fields.anprId')} value={state.anprId} onChange={(v) => set('anprId', v)} maxLength={20} className="col-md-6 px-0" />
      )}
      <CheckInput path="registrySync" label={t('persons.fields.registrySync')} checked={state.registrySync} onChange={(v) => set('registrySync', v)} hint={t('persons.registry.syncHint')} />
    </fieldset>
  );
}

/** "Protezione": a protected person's address and household are hidden from all but granted operators. */
export function ProtectionSection({ state, set, masked }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="person-fieldset">
      <legend>{t('persons.sections.protection')}</legend>
      {masked.has('protectionReason') ? (
        <ReservedField label={t('persons.fields.protectionReason')} text={t('persons.masked')} />
      ) : (
        <>
          <CheckInput path="isProtected" label={t('persons.protection.flag')} checked={state.isProtected} onChange={(v) => set('isProtected', v)} hint={t('persons.protection.hint')} />
          {state.isProtected && (
            <SelectInput
              path="protectionReason"
              label={t('persons.fields.protectionReason')}
              value={state.protectionReason}
              onChange={(v) => set('protectionReason', v as PersonFormState['protectionReason'])}
              options={protectionReasons.map((r) => ({ value: r, label: t(`persons.protectionReasons.${r}`) }))}
              required
            />
          )}
        </>
      )}
    </fieldset>
  );
}
