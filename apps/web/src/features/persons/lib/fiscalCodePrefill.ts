import { describeFiscalCode, fiscalCodeMismatches, normalizeFiscalCode, resolveBirthCentury } from '@siso/shared';
import type { FiscalCodeProblem, Sex } from '@siso/shared';

/**
 * What the person form learns from a fiscal code as the operator types it (issue 4, point 3): sex,
 * birth date (asking the century when the two year digits leave it open) and the Belfiore code of the
 * birthplace; and which entered data disagree with the code. The rules are @siso/shared's
 * (`describeFiscalCode`, `resolveBirthCentury`, `fiscalCodeMismatches`); this file shapes them for
 * the form. Pure: the lookups of the place happen in the hook that calls this.
 */

export type FiscalCodeStatus = 'empty' | 'incomplete' | 'invalid' | 'valid';

export interface FiscalCodeDecoding {
  status: FiscalCodeStatus;
  /** Normalised (no blanks, upper case). */
  code: string;
  /** Why an invalid code is invalid (wrong check character, month letter…). */
  problems: FiscalCodeProblem[];
  sex?: Sex;
  /** ISO birth dates the code allows on `today`: one when the century is settled, two when it must be asked. */
  birthDates: string[];
  /** Belfiore code of the comune, or Z-code of the foreign state. */
  placeCode?: string;
  foreign: boolean;
  omocodic: boolean;
}

export function decodeFiscalCode(raw: string, today: string): FiscalCodeDecoding {
  const code = normalizeFiscalCode(raw);
  const none = { code, problems: [], birthDates: [], foreign: false, omocodic: false };
  if (code === '') return { status: 'empty', ...none };
  if (code.length < 16) return { status: 'incomplete', ...none };
  const d = describeFiscalCode(code);
  if (!d.valid) return { status: 'invalid', ...none, problems: d.problems };
  const century = resolveBirthCentury(d, { today });
  const birthDates = century.status === 'resolved' ? [century.birthDate] : century.status === 'ambiguous' ? century.candidates : [];
  return {
    // A code whose date cannot be anyone's birth date on `today` (no plausible century) is not accepted.
    status: birthDates.length === 0 ? 'invalid' : 'valid',
    code,
    problems: birthDates.length === 0 ? ['day'] : [],
    sex: d.sex,
    birthDates,
    placeCode: d.birthPlaceCode,
    foreign: d.birthPlaceKind === 'foreign_state',
    omocodic: d.omocodic,
  };
}

export interface PrefillTarget {
  sex: '' | Sex;
  birthDate: string;
}

export interface Prefill {
  sex?: Sex;
  birthDate?: string;
  /** The two readings of the year to ask about (empty when nothing is to be asked). */
  askCentury: string[];
}

/** Fills only what is still empty; a filled field that disagrees is reported by `fiscalCodeDisagreements`. */
export function prefillFromFiscalCode(d: FiscalCodeDecoding, form: PrefillTarget): Prefill {
  const out: Prefill = { askCentury: [] };
  if (d.status !== 'valid') return out;
  if (!form.sex && d.sex) out.sex = d.sex;
  if (!form.birthDate) {
    if (d.birthDates.length === 1) out.birthDate = d.birthDates[0];
    else out.askCentury = d.birthDates;
  }
  return out;
}

export type FiscalCodeField = 'surname' | 'name' | 'sex' | 'birthDate' | 'birthPlace';

export interface EnteredData {
  surname: string;
  name: string;
  sex: '' | Sex;
  birthDate: string;
  /** Belfiore code of the chosen comune or state, when known. */
  birthPlaceCode: string | null;
}

/**
 * The entered fields that disagree with a valid code (empty fields are not compared; an omocodic
 * code is compared through its base form).
 */
export function fiscalCodeDisagreements(code: string, data: EnteredData): FiscalCodeField[] {
  return fiscalCodeMismatches(code, {
    surname: data.surname,
    name: data.name,
    sex: data.sex || null,
    birthDate: data.birthDate || null,
    birthPlaceBelfiore: data.birthPlaceCode,
  }).map((m) => m.field);
}
