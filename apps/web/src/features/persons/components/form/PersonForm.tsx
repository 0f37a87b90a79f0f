import { useCallback, useEffect, useRef } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { useFiscalCodePrefill } from '../../hooks/useFiscalCodePrefill';
import type { FormIssue } from '../../lib/formErrors';
import type { MaskableField, PersonFormState } from '../../lib/personForm';
import { BirthSection } from './BirthSection';
import { CitizenshipSection } from './CitizenshipSection';
import { ContactsSection } from './ContactsSection';
import { HealthSection } from './HealthSection';
import { HousingSection } from './HousingSection';
import { IdentitySection } from './IdentitySection';
import { NotesSection, ProtectionSection } from './NotesSection';
import { FormScopeProvider } from './fields';
import type { SetField } from './sectionProps';

interface PersonFormProps {
  state: PersonFormState;
  setState: Dispatch<SetStateAction<PersonFormState>>;
  creating: boolean;
  masked?: ReadonlySet<MaskableField>;
  issues: readonly FormIssue[];
  /** A fiscal code already in the form (from the search) to decode once, as if typed. */
  prefillCode?: string;
}

const none: ReadonlySet<MaskableField> = new Set();

/**
 * The sections of the person form (issue 4, point 2): identità, nascita, cittadinanza e stato civile,
 * contatti, residenza e domicilio, salute, note, protezione. The page owns the <form>, the error
 * summary and the buttons.
 */
export function PersonForm({ state, setState, creating, masked = none, issues, prefillCode }: PersonFormProps) {
  const set: SetField = useCallback((key, value) => setState((s) => ({ ...s, [key]: value })), [setState]);
  const prefill = useFiscalCodePrefill(setState);
  const first = useRef({ prefillCode, state, run: prefill.onFiscalCodeChange });
  useEffect(() => {
    const { prefillCode: code, state: initial, run } = first.current;
    if (code) run(code, initial);
  }, []);
  const props = { state, set, creating, masked };
  return (
    <FormScopeProvider prefix="pf" issues={issues}>
      <IdentitySection {...props} onFiscalCodeChange={prefill.onFiscalCodeChange} />
      {state.mode !== 'anonymous' && <BirthSection {...props} askCentury={prefill.askCentury} onChooseBirthDate={prefill.chooseBirthDate} />}
      <CitizenshipSection {...props} />
      <ContactsSection {...props} />
      <HousingSection {...props} />
      <HealthSection {...props} />
      <NotesSection {...props} />
      <ProtectionSection {...props} />
    </FormScopeProvider>
  );
}

/** Labels a form path for the error summary ("Contatto 2 — Valore", "Residenza — Via"). */
export function usePathLabel() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (path: string): string => {
      const [head = '', second, third] = path.split('.');
      const field = (name: string) => (i18n.exists(`persons.fields.${name}`) ? String(t(`persons.fields.${name}` as 'persons.fields.surname')) : name);
      if (head === 'mode') return t('persons.identity.modeLegend');
      if (head === 'residence' || head === 'domicile' || head === 'newAddress') {
        const kind = head === 'newAddress' ? t('persons.address.newTitle') : t(`persons.addressKinds.${head}`);
        return `${kind} — ${i18n.exists(`persons.address.${second}`) ? String(t(`persons.address.${second}` as 'persons.address.street')) : second}`;
      }
      if (head === 'contacts' && third) return `${t('persons.contacts.n', { n: Number(second) + 1 })} — ${i18n.exists(`persons.contacts.${third}`) ? String(t(`persons.contacts.${third}` as 'persons.contacts.value')) : third}`;
      if (head === 'aliases' && third) return t('persons.identity.aliasN', { n: Number(second) + 1 });
      if (head === 'gp') return second === 'regionalCode' ? t('persons.health.gpCode') : second === 'phone' ? t('persons.health.gpPhone') : t('persons.health.gpName');
      return field(head);
    },
    [t, i18n],
  );
}
