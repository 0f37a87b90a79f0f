/**
 * Computation of the codice fiscale of a natural person (D.P.R. 605/1973; D.M. Finanze
 * 23/12/1976): `CCC NNN YY M DD LLLL K`.
 *
 * The result is the *base* code. When two people would get the same code the Agenzia delle
 * Entrate assigns an omocodic variant (see `omocodia.ts`); only the Agenzia knows which code a
 * person really has, so a computed code is a plausibility check, never proof.
 */
import { checkCharacter } from './check-character.js';
import { nameCode, surnameCode } from './name-codes.js';
import { FEMALE_DAY_OFFSET, MONTH_LETTERS } from './tables.js';

export type Sex = 'M' | 'F';

export interface FiscalCodeInput {
  surname: string;
  name: string;
  sex: Sex;
  /** ISO date "YYYY-MM-DD". */
  birthDate: string;
  /** Belfiore code of the comune (valid at the birth date) or Z-code of the foreign state. */
  birthPlaceCode: string;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLACE_RE = /^[A-Z]\d{3}$/;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses "YYYY-MM-DD" without `Date` (no time-zone surprises). Throws on impossible dates. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(iso);
  if (!m) throw new RangeError(`birthDate must be YYYY-MM-DD, got "${iso}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`birthDate is not a calendar date: "${iso}"`);
  }
  return { year, month, day };
}

/** Year (2 digits), month letter, day (+40 for women): characters 7–11. */
export function birthDateSexCode(birthDate: string, sex: Sex): string {
  const { year, month, day } = parseIsoDate(birthDate);
  if (sex !== 'M' && sex !== 'F') throw new RangeError(`sex must be "M" or "F", got "${String(sex)}"`);
  const yy = String(year % 100).padStart(2, '0');
  const dd = String(sex === 'F' ? day + FEMALE_DAY_OFFSET : day).padStart(2, '0');
  return yy + MONTH_LETTERS[month - 1] + dd;
}

/** Computes the base (non-omocodic) 16-character codice fiscale. */
export function computeFiscalCode(input: FiscalCodeInput): string {
  const place = input.birthPlaceCode.toUpperCase();
  if (!PLACE_RE.test(place)) {
    throw new RangeError(`birthPlaceCode must be a Belfiore/Z code like "H501", got "${input.birthPlaceCode}"`);
  }
  const first15 =
    surnameCode(input.surname) + nameCode(input.name) + birthDateSexCode(input.birthDate, input.sex) + place;
  return first15 + checkCharacter(first15);
}
