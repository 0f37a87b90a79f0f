/**
 * A richer decode of a codice fiscale for the person form: what `parseFiscalCode` gives, whether
 * the place is a comune or a foreign state, and — when the code is not valid — why, so the UI can
 * tell a wrong check character from a bad month letter or an impossible day
 * (D.M. Finanze 23/12/1976; issue 4, point 3).
 */
import { checkCharacter } from './check-character.js';
import { daysInMonth } from './compute.js';
import { FEMALE_DAY_OFFSET, MONTH_LETTERS, OMOCODIA_LETTERS, type MonthLetter, type OmocodiaLetter } from './tables.js';
import { normalizeFiscalCode, parseFiscalCode, type ParsedFiscalCode } from './validate.js';

/**
 * Why a code is not valid (stable codes for the UI and the server):
 * - `length`: not 16 characters (blanks ignored); nothing else is checked then;
 * - `characters`: something other than letters A–Z and digits;
 * - `format`: a letter where a digit belongs (other than the omocodia letters L–V) or a digit
 *   where a letter belongs, outside the month position;
 * - `month_letter`: the 9th character is not one of A B C D E H L M P R S T;
 * - `day`: the day (10th–11th, minus 40 for women) is not 1–31, or not in that month;
 * - `check_character`: the 16th character is not the one computed from the first 15.
 */
export type FiscalCodeProblem = 'length' | 'characters' | 'format' | 'month_letter' | 'day' | 'check_character';

/** Z-codes (Z100–Z999) are foreign states; every other Belfiore code is an Italian comune. */
export type BirthPlaceKind = 'comune' | 'foreign_state';

export type FiscalCodeDescription =
  | (ParsedFiscalCode & { valid: true; birthPlaceKind: BirthPlaceKind; problems: FiscalCodeProblem[] })
  | { valid: false; code: string; problems: FiscalCodeProblem[] };

const LETTER = /^[A-Z]$/;
const DIGIT_OR_OMOCODIA = /^[0-9LMNPQRSTUV]$/;
/** 0-based positions that must hold letters (surname, name, place letter, check character). */
const LETTER_POSITIONS = [0, 1, 2, 3, 4, 5, 11, 15];
/** 0-based positions of digits, which omocodia may turn into L–V. */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

export function birthPlaceKindOf(belfiore: string): BirthPlaceKind {
  return belfiore.toUpperCase().startsWith('Z') ? 'foreign_state' : 'comune';
}

/** Digit value of a digit or omocodia letter (L → 0 … V → 9). */
function digitValue(c: string): number {
  const i = OMOCODIA_LETTERS.indexOf(c as OmocodiaLetter);
  return i >= 0 ? i : Number(c);
}

/** The problems of a 16-character alphanumeric code. */
function problemsOf16(code: string): FiscalCodeProblem[] {
  const problems: FiscalCodeProblem[] = [];
  const formatOk =
    LETTER_POSITIONS.every((p) => LETTER.test(code.charAt(p))) &&
    DIGIT_POSITIONS.every((p) => DIGIT_OR_OMOCODIA.test(code.charAt(p)));
  if (!formatOk) problems.push('format');
  const month = MONTH_LETTERS.indexOf(code.charAt(8) as MonthLetter) + 1;
  if (month === 0) problems.push('month_letter');
  const d1 = code.charAt(9);
  const d2 = code.charAt(10);
  if (DIGIT_OR_OMOCODIA.test(d1) && DIGIT_OR_OMOCODIA.test(d2)) {
    const raw = digitValue(d1) * 10 + digitValue(d2);
    const day = raw > FEMALE_DAY_OFFSET ? raw - FEMALE_DAY_OFFSET : raw;
    // Century unknown: 29 February is accepted (2000 is a leap year), as in parseFiscalCode.
    const maxDay = month === 0 ? 31 : daysInMonth(2000, month);
    if (day < 1 || day > maxDay) problems.push('day');
  }
  if (checkCharacter(code.slice(0, 15)) !== code.charAt(15)) problems.push('check_character');
  return problems;
}

/**
 * Describes a code as typed (blanks and case ignored). `valid` is true exactly when
 * `parseFiscalCode` accepts the normalised code; then `problems` is empty.
 */
export function describeFiscalCode(input: string): FiscalCodeDescription {
  const code = normalizeFiscalCode(input);
  const parsed = parseFiscalCode(code);
  if (parsed) return { ...parsed, valid: true, birthPlaceKind: birthPlaceKindOf(parsed.birthPlaceCode), problems: [] };
  if (code.length !== 16) {
    const problems: FiscalCodeProblem[] = ['length'];
    if (!/^[A-Z0-9]*$/.test(code)) problems.push('characters');
    return { valid: false, code, problems };
  }
  if (!/^[A-Z0-9]{16}$/.test(code)) return { valid: false, code, problems: ['characters'] };
  return { valid: false, code, problems: problemsOf16(code) };
}
