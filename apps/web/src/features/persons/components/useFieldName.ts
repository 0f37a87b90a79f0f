import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The name of a person field as the server reports it (history, registry differences); unknown names as they are. */
export function useFieldName() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (field: string) => {
      // History entries of a new address: `address.residence`, `address.domicile`.
      if (field === 'address.residence' || field === 'address.domicile') return String(t(`persons.addressKinds.${field.slice(8) as 'residence'}`));
      // …and of a household group: `household.household`, `household.relatives`, `household.network`.
      const group = /^household\.(household|relatives|network)$/.exec(field)?.[1] as 'household' | undefined;
      if (group) return String(t(`persons.household.kinds.${group}`));
      const key = `persons.fields.${field}`;
      return i18n.exists(key) ? String(t(key as 'persons.fields.surname')) : field;
    },
    [t, i18n],
  );
}
