/**
 * Constant tables of the codice fiscale.
 *
 * Source: D.M. Finanze 23 dicembre 1976 ("Sistemi di codificazione dei soggetti da iscrivere
 * nell'anagrafe tributaria", attuativo del D.P.R. 605/1973), allegati, and the Agenzia delle
 * Entrate rules on omocodia. The same tables are vendored as CSV in
 * `data/reference/codice_fiscale/` (cf_mesi, cf_omocodia, cf_posizioni_omocodia,
 * cf_carattere_controllo, cf_resto_lettera); keep both in step.
 */

/** Month letters, January → December (D.M. 23/12/1976, tabella mesi). */
export const MONTH_LETTERS = ['A', 'B', 'C', 'D', 'E', 'H', 'L', 'M', 'P', 'R', 'S', 'T'] as const;
export type MonthLetter = (typeof MONTH_LETTERS)[number];

/** Digit → letter used in omocodic codes (0→L … 9→V). Index = digit. */
export const OMOCODIA_LETTERS = ['L', 'M', 'N', 'P', 'Q', 'R', 'S', 'T', 'U', 'V'] as const;
export type OmocodiaLetter = (typeof OMOCODIA_LETTERS)[number];

/**
 * The seven numeric positions (0-based) that omocodia may turn into letters, in the order the
 * Agenzia delle Entrate substitutes them: from the right, i.e. the three digits of the place
 * code (15th, 14th, 13th character), the day (11th, 10th) and the year (8th, 7th).
 */
export const OMOCODIA_POSITIONS = [14, 13, 12, 10, 9, 7, 6] as const;

/**
 * Check-character values for characters in an odd position (1st, 3rd, … 15th counting from 1).
 * Digits share the values of the letters with the same index (0 ≙ A, 1 ≙ B, …).
 */
export const CHECK_ODD_VALUES: Readonly<Record<string, number>> = Object.freeze({
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
});

/** Check-character values for characters in an even position: digits 0–9, letters A–Z → 0–25. */
export const CHECK_EVEN_VALUES: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries([
    ...Array.from({ length: 10 }, (_, i) => [String(i), i] as const),
    ...Array.from({ length: 26 }, (_, i) => [String.fromCharCode(65 + i), i] as const),
  ]),
);

/** Remainder (sum mod 26) → check letter: 0 = A … 25 = Z. */
export const CHECK_REMAINDER_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Women add 40 to the day of birth (D.M. 23/12/1976). */
export const FEMALE_DAY_OFFSET = 40;
