/**
 * The century of birth, which the codice fiscale does not carry: characters 7–8 are the last two
 * digits of the year only (D.M. Finanze 23/12/1976). A birth date entered by the operator or given
 * by the registry settles it; otherwise the plausible centuries are offered (issue 4, point 4:
 * "ask when neither settles it").
 */
import { daysInMonth, parseIsoDate } from './compute.js';
import type { ParsedFiscalCode } from './validate.js';

/** Oldest plausible age, in years, of a living or recently deceased person. */
export const MAX_PLAUSIBLE_AGE_YEARS = 120;

export type BirthCenturyResolution =
  | { status: 'resolved'; birthDate: string }
  /** Zero or two candidates: the UI asks for the birth date (`secolo_ambiguo`). */
  | { status: 'ambiguous'; candidates: string[] }
  /** The date given disagrees with the code: year (2 digits), month or day differ. */
  | { status: 'mismatch'; expected: { month: number; day: number; year2: number } };

export interface BirthCenturyOptions {
  /** Birth date entered by the operator, "YYYY-MM-DD". Takes precedence over the registry's. */
  birthDate?: string | null;
  /** Birth date from the registry (ANPR), "YYYY-MM-DD"; used when none was entered. */
  registryBirthDate?: string | null;
  /** Today's date "YYYY-MM-DD" (injected: these rules are pure). */
  today: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Parses a date, or null when it is absent or not a calendar date "YYYY-MM-DD". */
function dateOrNull(iso: string | null | undefined): { year: number; month: number; day: number } | null {
  if (iso === null || iso === undefined || iso === '') return null;
  try {
    return parseIsoDate(iso);
  } catch {
    return null;
  }
}

/**
 * Resolves the full birth date of a parsed code.
 *
 * - A birth date entered (else the registry's) settles the century when its two-digit year, month
 *   and day equal the code's; when they differ the result is `mismatch` with what the code says.
 *   A date that is not "YYYY-MM-DD" or not a calendar date counts as not given (the form reports
 *   it as `data_non_valida`).
 * - Without a date, the candidates are 19yy and 20yy that are calendar dates (29 February only in
 *   leap years: 1900 is not one, 2000 is), not after `today` and not more than
 *   `MAX_PLAUSIBLE_AGE_YEARS` before it. One candidate → `resolved`; two (or none) → `ambiguous`.
 */
export function resolveBirthCentury(parsed: ParsedFiscalCode, opts: BirthCenturyOptions): BirthCenturyResolution {
  const given = dateOrNull(opts.birthDate) ?? dateOrNull(opts.registryBirthDate);
  if (given) {
    const agrees =
      given.year % 100 === parsed.birthYear2 && given.month === parsed.birthMonth && given.day === parsed.birthDay;
    if (agrees) return { status: 'resolved', birthDate: isoOf(given.year, given.month, given.day) };
    return { status: 'mismatch', expected: { month: parsed.birthMonth, day: parsed.birthDay, year2: parsed.birthYear2 } };
  }
  const today = parseIsoDate(opts.today);
  const todayIso = isoOf(today.year, today.month, today.day);
  // String comparison of zero-padded ISO dates is chronological.
  const oldestIso = isoOf(today.year - MAX_PLAUSIBLE_AGE_YEARS, today.month, today.day);
  const candidates: string[] = [];
  for (const century of [1900, 2000]) {
    const year = century + parsed.birthYear2;
    if (parsed.birthDay > daysInMonth(year, parsed.birthMonth)) continue;
    const iso = isoOf(year, parsed.birthMonth, parsed.birthDay);
    if (iso <= todayIso && iso >= oldestIso) candidates.push(iso);
  }
  if (candidates.length === 1) return { status: 'resolved', birthDate: candidates[0] as string };
  return { status: 'ambiguous', candidates };
}
