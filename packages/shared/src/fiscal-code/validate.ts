/**
 * Structural validation and decoding of a codice fiscale (D.M. Finanze 23/12/1976).
 * "Valid" means well-formed with a correct check character — only the Agenzia delle Entrate /
 * ANPR can say a code is actually assigned (ANPR `validitaCF`).
 */
import { checkCharacter } from './check-character.js';
import { daysInMonth, type Sex } from './compute.js';
import { decodeOmocodia, isOmocodic } from './omocodia.js';
import { FEMALE_DAY_OFFSET, MONTH_LETTERS, type MonthLetter } from './tables.js';

/** 16 characters; the seven numeric positions also accept the omocodia letters L–V. */
export const FISCAL_CODE_PATTERN =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Upper-cases and strips blanks, the way operators type codes ("rss mra 80a01 h501u"). */
export function normalizeFiscalCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export interface ParsedFiscalCode {
  /** The code as given (upper case). */
  code: string;
  /** The code with omocodia undone (check character recomputed). */
  baseCode: string;
  omocodic: boolean;
  surnameCode: string;
  nameCode: string;
  sex: Sex;
  /** Two-digit year: the century is not in the code. */
  birthYear2: number;
  birthMonth: number;
  birthDay: number;
  /** Belfiore code of the comune or Z-code of the foreign state. */
  birthPlaceCode: string;
}

/**
 * Decodes a codice fiscale; returns null when it is malformed, has an impossible day/month
 * or a wrong check character. Case-insensitive; does not strip blanks.
 */
export function parseFiscalCode(input: string): ParsedFiscalCode | null {
  const code = input.toUpperCase();
  if (!FISCAL_CODE_PATTERN.test(code)) return null;
  if (checkCharacter(code) !== code.charAt(15)) return null;
  const base = decodeOmocodia(code);
  const month = MONTH_LETTERS.indexOf(base.charAt(8) as MonthLetter) + 1;
  const rawDay = Number(base.slice(9, 11));
  const sex: Sex = rawDay > FEMALE_DAY_OFFSET ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - FEMALE_DAY_OFFSET : rawDay;
  // Leap year unknown without the century: accept 29 February (2000 is a leap year).
  if (day < 1 || day > daysInMonth(2000, month)) return null;
  return {
    code,
    baseCode: base,
    omocodic: isOmocodic(code),
    surnameCode: base.slice(0, 3),
    nameCode: base.slice(3, 6),
    sex,
    birthYear2: Number(base.slice(6, 8)),
    birthMonth: month,
    birthDay: day,
    birthPlaceCode: base.slice(11, 15),
  };
}

/** Format, plausible date part and check character; accepts omocodic forms. */
export function isValidFiscalCode(code: string): boolean {
  return parseFiscalCode(code) !== null;
}
