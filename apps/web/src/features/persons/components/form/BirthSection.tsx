import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { PlaceField } from './PlacePickers';
import { ReservedField, TextInput } from './fields';
import type { SectionProps } from './sectionProps';

/**
 * "Nascita": birth date (with the century question when the fiscal code leaves it open), birthplace
 * valid on that date, and the date of death.
 */
export function BirthSection({ state, set, masked, askCentury, onChooseBirthDate }: SectionProps & { askCentury: string[]; onChooseBirthDate: (iso: string) => void }) {
  const { t } = useTranslation();
  const reserved = t('persons.masked');
  return (
    <fieldset className="person-fieldset">
      <legend>{t('persons.sections.birth')}</legend>
      {masked.has('birthDate') ? (
        <ReservedField label={t('persons.fields.birthDate')} text={reserved} />
      ) : (
        <TextInput path="birthDate" type="date" label={t('persons.fields.birthDate')} value={state.birthDate} onChange={(v) => set('birthDate', v)} className="col-md-4 px-0" />
      )}
      {askCentury.length > 1 && !state.birthDate && (
        <fieldset className="alert alert-info" aria-live="polite">
          <legend className="h6 fw-semibold">{t('persons.birth.centuryLegend')}</legend>
          <p className="small">{t('persons.birth.centuryHint')}</p>
          {askCentury.map((iso) => (
            <div key={iso} className="form-check">
              <input type="radio" id={`pf-century-${iso}`} name="birth-century" onChange={() => onChooseBirthDate(iso)} />
              <label htmlFor={`pf-century-${iso}`}>{formatDate(iso)}</label>
            </div>
          ))}
        </fieldset>
      )}
      {masked.has('birthPlace') ? (
        <ReservedField label={t('persons.fields.birthPlace')} text={reserved} />
      ) : (
        <PlaceField path="birthPlace" legend={t('persons.fields.birthPlace')} labels={{ comune: t('persons.place.birthComune'), state: t('persons.place.birthState') }} value={state.birthPlace} onChange={(v) => set('birthPlace', v)} on={state.birthDate || undefined} />
      )}
      {masked.has('dateOfDeath') ? (
        <ReservedField label={t('persons.fields.dateOfDeath')} text={reserved} />
      ) : (
        <TextInput path="dateOfDeath" type="date" label={t('persons.fields.dateOfDeath')} value={state.dateOfDeath} onChange={(v) => set('dateOfDeath', v)} className="col-md-4 px-0" />
      )}
    </fieldset>
  );
}
