import { useTranslation } from 'react-i18next';
import type { AddressDraft } from '../../lib/personForm';
import { PlaceField } from './PlacePickers';
import { TextInput } from './fields';

/** One residence or domicile: street, number, postal code, comune or state, locality, valid from. */
export function AddressFields({ path, kind, legend, value, onChange, required }: { path: string; kind: 'residence' | 'domicile'; legend: string; value: AddressDraft; onChange: (v: AddressDraft) => void; required?: boolean }) {
  const { t } = useTranslation();
  const set = (patch: Partial<AddressDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="border rounded p-3 mb-4">
      <legend className="h6 fw-semibold w-auto px-1">{legend}</legend>
      <div className="row">
        <div className="col-md-8">
          <TextInput path={`${path}.street`} label={t('persons.address.street')} value={value.street} onChange={(v) => set({ street: v })} required={required} maxLength={200} autoComplete="off" />
        </div>
        <div className="col-md-4">
          <TextInput path={`${path}.civic`} label={t('persons.address.civic')} value={value.civic} onChange={(v) => set({ civic: v })} maxLength={20} />
        </div>
        <div className="col-md-4">
          <TextInput path={`${path}.postalCode`} label={t('persons.address.postalCode')} value={value.postalCode} onChange={(v) => set({ postalCode: v })} inputMode="numeric" maxLength={5} pattern="[0-9]{5}" />
        </div>
        <div className="col-md-8">
          <TextInput path={`${path}.locality`} label={t('persons.address.locality')} value={value.locality} onChange={(v) => set({ locality: v })} maxLength={200} />
        </div>
      </div>
      <PlaceField path={`${path}.place`} legend={t('persons.address.place')} labels={{ comune: t(`persons.place.${kind}Comune`), state: t(`persons.place.${kind}State`) }} value={value.place} onChange={(v) => set({ place: v })} on={value.validFrom || undefined} required={required} />
      <TextInput path={`${path}.validFrom`} type="date" label={t('persons.address.validFrom')} value={value.validFrom} onChange={(v) => set({ validFrom: v })} required={required} className="col-md-4 px-0" />
    </fieldset>
  );
}
