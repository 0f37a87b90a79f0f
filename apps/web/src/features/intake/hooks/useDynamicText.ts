import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * t() for keys built at run time from contract values (`intake.enums.accessMode.in_person`,
 * `intake.fields.social.housing`). The typed t() accepts literal keys only; every key built here comes
 * from an enum or field list that the catalogue test (i18n/catalogues.test.tsx) and the intake unit
 * test check against it.json, so the cast loses nothing the compiler could have caught.
 */
export function useDynamicText() {
  const { t } = useTranslation();
  return useCallback((key: string, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options), [t]);
}
