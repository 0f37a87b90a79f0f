import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeValue, textOf } from '../lib/format';

/** `describeValue` and `textOf` with the words of the current language ("Riservato", "Sì", "No"). */
export function useValueText() {
  const { t } = useTranslation();
  const reserved = t('persons.masked');
  const describe = useCallback((v: unknown) => describeValue(v, { reserved, yes: t('persons.yes'), no: t('persons.no') }), [reserved, t]);
  const text = useCallback((v: unknown) => textOf(v, reserved), [reserved]);
  return { describe, text, reserved };
}
