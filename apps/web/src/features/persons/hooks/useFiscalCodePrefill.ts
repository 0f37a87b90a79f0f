import { useCallback, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import { decodeFiscalCode, prefillFromFiscalCode } from '../lib/fiscalCodePrefill';
import { todayIso } from '../lib/format';
import type { PersonFormState, PlaceValue } from '../lib/personForm';
import { useReferenceLookup } from './useReference';

/**
 * Typing a valid fiscal code fills sex, birth date and birthplace when they are still empty (issue 4,
 * point 3). When the two year digits allow two centuries and no birth date is entered, `askCentury`
 * lists both readings and `chooseBirthDate` settles it. The birthplace is looked up by its Belfiore
 * code: a comune valid on the birth date (reference.comuni) or a foreign state (Z-codes).
 */
export function useFiscalCodePrefill(setState: Dispatch<SetStateAction<PersonFormState>>) {
  const lookup = useReferenceLookup();
  const [askCentury, setAskCentury] = useState<string[]>([]);
  const [pendingPlace, setPendingPlace] = useState<string | null>(null);

  const findPlace = useCallback(
    async (placeCode: string, on: string): Promise<PlaceValue | null> => {
      try {
        if (placeCode.startsWith('Z')) {
          const s = (await lookup.states({ belfiore: placeCode })).items[0];
          return s ? { kind: 'state', code: s.code, name: s.name, belfiore: s.belfiore } : null;
        }
        const items = (await lookup.comuni({ belfiore: placeCode, on, limit: 5 })).items;
        const c = items.find((x) => (!x.validFrom || x.validFrom <= on) && (!x.validTo || x.validTo >= on)) ?? items[0];
        return c ? { kind: 'comune', code: c.istatCode, name: c.name, belfiore: c.belfiore } : null;
      } catch {
        return null; // the operator picks the place by hand
      }
    },
    [lookup],
  );

  const fillPlace = useCallback(
    async (placeCode: string, on: string) => {
      const place = await findPlace(placeCode, on);
      if (place) setState((s) => (s.birthPlace ? s : { ...s, birthPlace: place }));
    },
    [findPlace, setState],
  );

  /** Call with the new text of the fiscal-code box and the form as it was before. */
  const onFiscalCodeChange = useCallback(
    (raw: string, before: PersonFormState) => {
      setState((s) => ({ ...s, fiscalCode: raw }));
      const d = decodeFiscalCode(raw, todayIso());
      const prefill = prefillFromFiscalCode(d, before);
      setAskCentury(prefill.askCentury);
      setPendingPlace(d.status === 'valid' && !before.birthPlace ? (d.placeCode ?? null) : null);
      if (d.status !== 'valid') return;
      setState((s) => ({ ...s, ...(prefill.sex ? { sex: prefill.sex } : {}), ...(prefill.birthDate ? { birthDate: prefill.birthDate } : {}) }));
      const on = prefill.birthDate ?? before.birthDate;
      if (d.placeCode && !before.birthPlace && on) void fillPlace(d.placeCode, on);
    },
    [setState, fillPlace],
  );

  /** The operator chose one reading of the year. */
  const chooseBirthDate = useCallback(
    (iso: string) => {
      setState((s) => ({ ...s, birthDate: iso }));
      setAskCentury([]);
      if (pendingPlace) void fillPlace(pendingPlace, iso);
    },
    [setState, fillPlace, pendingPlace],
  );

  return { askCentury, onFiscalCodeChange, chooseBirthDate };
}
