import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Labels a field path from the server (`password`, `contexts.0.officeId`) with the catalogue's
 * `fields.<name>` entry, falling back to the path itself.
 */
export function useFieldLabel() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (path: string) => {
      const name = path.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? path;
      const key = `fields.${name}`;
      return i18n.exists(key) ? String(t(key as 'fields.username')) : path;
    },
    [t, i18n],
  );
}
