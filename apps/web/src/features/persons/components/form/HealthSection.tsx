import { useTranslation } from 'react-i18next';
import { ReservedField, TextInput } from './fields';
import type { SectionProps } from './sectionProps';

/** "Salute": general practitioner and health card number (special-category data). */
export function HealthSection({ state, set, masked }: SectionProps) {
  const { t } = useTranslation();
  const reserved = t('persons.masked');
  return (
    <fieldset className="person-fieldset">
      <legend>{t('persons.sections.health')}</legend>
      {masked.has('gp') ? (
        <ReservedField label={t('persons.fields.gp')} text={reserved} />
      ) : (
        <div className="row">
          <div className="col-md-6">
            <TextInput path="gp.name" label={t('persons.health.gpName')} value={state.gpName} onChange={(v) => set('gpName', v)} maxLength={200} />
          </div>
          <div className="col-md-3">
            <TextInput path="gp.regionalCode" label={t('persons.health.gpCode')} value={state.gpRegionalCode} onChange={(v) => set('gpRegionalCode', v)} maxLength={20} />
          </div>
          <div className="col-md-3">
            <TextInput path="gp.phone" type="tel" label={t('persons.health.gpPhone')} value={state.gpPhone} onChange={(v) => set('gpPhone', v)} maxLength={40} />
          </div>
        </div>
      )}
      {masked.has('healthCardNumber') ? (
        <ReservedField label={t('persons.fields.healthCardNumber')} text={reserved} />
      ) : (
        <TextInput path="healthCardNumber" label={t('persons.fields.healthCardNumber')} value={state.healthCardNumber} onChange={(v) => set('healthCardNumber', v)} maxLength={20} hint={t('persons.health.cardHint')} className="col-md-6 px-0" />
      )}
    </fieldset>
  );
}
