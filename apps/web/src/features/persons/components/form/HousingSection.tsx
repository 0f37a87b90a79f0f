import { useTranslation } from 'react-i18next';
import { AddressFields } from './AddressFields';
import { CheckInput, ReservedField, TextInput } from './fields';
import type { SectionProps } from './sectionProps';

/**
 * "Residenza e domicilio": on creation the first residence and domicile; later they are changed with
 * "Nuova residenza / Nuovo domicilio" on the person (historised). Homeless flag and reception facility.
 */
export function HousingSection({ state, set, creating, masked }: SectionProps) {
  const { t } = useTranslation();
  const reserved = t('persons.masked');
  return (
    <fieldset className="person-fieldset">
      <legend>{t('persons.sections.housing')}</legend>
      {creating && (
        <>
          <p className="small">{t('persons.address.createHint')}</p>
          <AddressFields path="residence" kind="residence" legend={t('persons.addressKinds.residence')} value={state.residence} onChange={(v) => set('residence', v)} />
          <AddressFields path="domicile" kind="domicile" legend={t('persons.addressKinds.domicile')} value={state.domicile} onChange={(v) => set('domicile', v)} />
        </>
      )}
      {masked.has('homeless') ? (
        <ReservedField label={t('persons.fields.homeless')} text={reserved} />
      ) : (
        <CheckInput path="homeless" label={t('persons.fields.homeless')} checked={state.homeless} onChange={(v) => set('homeless', v)} />
      )}
      {masked.has('receptionFacility') ? (
        <ReservedField label={t('persons.fields.receptionFacility')} text={reserved} />
      ) : (
        <TextInput path="receptionFacility" label={t('persons.fields.receptionFacility')} value={state.receptionFacility} onChange={(v) => set('receptionFacility', v)} maxLength={200} />
      )}
    </fieldset>
  );
}
