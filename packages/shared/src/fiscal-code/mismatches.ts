/**
 * Coherence of the personal data with the codice fiscale (issue 4, point 3: "flag when the entered
 * personal data disagree with the code"). Each part of the code is compared with the part computed
 * from the datum (D.M. Finanze 23/12/1976), so omocodic codes work too: they are decoded first.
 */
import { parseIsoDate, type Sex } from './compute.js';
import { nameCode, surnameCode } from './name-codes.js';
import { normalizeFiscalCode, parseFiscalCode } from './validate.js';

export type FiscalCodeField = 'surname' | 'name' | 'sex' | 'birthDate' | 'birthPlace';

export interface FiscalCodeMismatch {
  field: FiscalCodeField;
  /** What the code says: surname/name code ("RSS"), "M"/"F", "YY-MM-DD", Belfiore/Z code. */
  expected: string;
  /** The same part computed from the datum entered, in the same form. */
  actual: string;
}

export interface FiscalCodePersonalData {
  surname?: string | null;
  name?: string | null;
  sex?: Sex | null;
  /** "YYYY-MM-DD"; only year (two digits), month and day are in the code. */
  birthDate?: string | null;
  /** Belfiore code of the comune or Z-code of the foreign state of birth. */
  birthPlaceBelfiore?: string | null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The part of a name in the code, or null when the name is absent or has no Latin letters. */
function codeOf(part: (s: string) => string, text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  try {
    return part(text);
  } catch {
    return null; // no Latin letters (e.g. a name only in Cyrillic): nothing to compare
  }
}

/**
 * Which of the data given disagree with the code, in the order surname, name, sex, birthDate,
 * birthPlace. Absent data are not compared, nor are a birth date that is not a calendar date
 * and names without Latin letters (other rules report those). Returns [] when the code itself is
 * not valid (`describeFiscalCode` says why). Blanks and case in the code are ignored.
 */
export function fiscalCodeMismatches(code: string, data: FiscalCodePersonalData): FiscalCodeMismatch[] {
  const parsed = parseFiscalCode(normalizeFiscalCode(code));
  if (!parsed) return [];
  const out: FiscalCodeMismatch[] = [];
  const surname = codeOf(surnameCode, data.surname);
  if (surname !== null && surname !== parsed.surnameCode) {
    out.push({ field: 'surname', expected: parsed.surnameCode, actual: surname });
  }
  const name = codeOf(nameCode, data.name);
  if (name !== null && name !== parsed.nameCode) {
    out.push({ field: 'name', expected: parsed.nameCode, actual: name });
  }
  if (data.sex && data.sex !== parsed.sex) {
    out.push({ field: 'sex', expected: parsed.sex, actual: data.sex });
  }
  if (data.birthDate) {
    let given: { year: number; month: number; day: number } | null = null;
    try {
      given = parseIsoDate(data.birthDate);
    } catch {
      given = null;
    }
    if (given) {
      const expected = `${pad2(parsed.birthYear2)}-${pad2(parsed.birthMonth)}-${pad2(parsed.birthDay)}`;
      const actual = `${pad2(given.year % 100)}-${pad2(given.month)}-${pad2(given.day)}`;
      if (expected !== actual) out.push({ field: 'birthDate', expected, actual });
    }
  }
  if (data.birthPlaceBelfiore) {
    const actual = data.birthPlaceBelfiore.trim().toUpperCase();
    if (actual !== parsed.birthPlaceCode) out.push({ field: 'birthPlace', expected: parsed.birthPlaceCode, actual });
  }
  return out;
}
