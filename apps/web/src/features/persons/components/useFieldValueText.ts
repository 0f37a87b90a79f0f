import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { contactKinds, contactOwners, fiscalCodeKinds, isMasked, protectionReasons } from '@siso/shared';
import { useStates } from '../hooks/useReference';
import { useValueText } from '../hooks/useValueText';
import { useCodeLabel } from './form/CodeListSelect';

interface Contact {
  kind?: unknown;
  value?: unknown;
  owner?: unknown;
  ownerName?: unknown;
}

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/**
 * The value of a person field as text, by field (merge choices, history, registry differences): sex,
 * civil status, code kind and protection reason by their labels, citizenships and birthplace by name.
 */
export function useFieldValueText() {
  const { t } = useTranslation();
  const { describe } = useValueText();
  const civil = useCodeLabel('anpr.stato_civile');
  const states = useStates();
  const contactText = useCallback(
    (c: Contact) => {
      const kind = isOneOf(contactKinds, c.kind) ? t(`persons.contactKinds.${c.kind}`) : String(c.kind ?? '');
      const owner = isOneOf(contactOwners, c.owner) && c.owner !== 'self' ? ` (${t(`persons.contactOwners.${c.owner}`)}${c.ownerName ? ` — ${c.ownerName}` : ''})` : '';
      return `${kind} ${String(c.value ?? '')}${owner}`.trim();
    },
    [t],
  );
  const stateName = useCallback((code: unknown) => states.data?.items.find((s) => s.code === code)?.name ?? String(code), [states.data]);
  return useCallback(
    (field: string, v: unknown): string => {
      if (isMasked(v) || v === null || v === undefined || v === '') return describe(v);
      if (field === 'sex' && (v === 'M' || v === 'F')) return t(`persons.sex.${v}`);
      if (field === 'civilStatus' && typeof v === 'string') return civil(v);
      if (field === 'fiscalCodeKind' && isOneOf(fiscalCodeKinds, v)) return t(`persons.fiscalCodeKinds.${v}`);
      if (field === 'protectionReason' && isOneOf(protectionReasons, v)) return t(`persons.protectionReasons.${v}`);
      if ((field === 'citizenships' || field === 'birthStateCode') && (Array.isArray(v) || typeof v === 'string')) return (Array.isArray(v) ? v : [v]).map(stateName).join(', ') || '—';
      if (field === 'birthPlace' && typeof v === 'object') return String((v as { name?: unknown }).name ?? describe(v));
      if (field === 'contacts' && Array.isArray(v)) return v.map((c) => contactText(c as Contact)).join('; ') || '—';
      return describe(v);
    },
    [describe, civil, stateName, contactText, t],
  );
}
