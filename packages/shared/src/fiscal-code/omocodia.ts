/**
 * Omocodia: when two people would get the same codice fiscale, the Agenzia delle Entrate turns
 * digits into letters (0→L … 9→V, D.M. Finanze 23/12/1976 and Agenzia rules) starting from the
 * rightmost numeric position (15th, 14th, 13th, 11th, 10th, 8th, 7th character) and recomputes
 * the check character. 2⁷ − 1 = 127 variants exist; the Agenzia assigns them progressively.
 */
import { checkCharacter } from './check-character.js';
import { OMOCODIA_LETTERS, OMOCODIA_POSITIONS } from './tables.js';

const LETTER_TO_DIGIT: Readonly<Record<string, string>> = Object.fromEntries(
  OMOCODIA_LETTERS.map((letter, digit) => [letter, String(digit)]),
);

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** True when at least one of the seven numeric positions holds a letter. */
export function isOmocodic(code: string): boolean {
  const s = code.toUpperCase();
  return OMOCODIA_POSITIONS.some((p) => !isDigit(s.charAt(p)));
}

/**
 * The base code: letters in the numeric positions turned back into digits, check character
 * recomputed. Returns the input (upper-cased) when it is not omocodic. Assumes a well-formed
 * code (see `isValidFiscalCode`).
 */
export function decodeOmocodia(code: string): string {
  const chars = code.toUpperCase().slice(0, 15).split('');
  for (const p of OMOCODIA_POSITIONS) {
    const c = chars[p] ?? '';
    const digit = LETTER_TO_DIGIT[c];
    if (digit !== undefined) chars[p] = digit;
  }
  const first15 = chars.join('');
  return first15 + checkCharacter(first15);
}

/** Applies the substitution to the given 0-based positions of a base code. */
function substitute(base: string, positions: readonly number[]): string {
  const chars = base.slice(0, 15).split('');
  for (const p of positions) {
    const c = chars[p] ?? '';
    if (!isDigit(c)) throw new RangeError(`position ${p + 1} is not a digit in "${base}"`);
    chars[p] = OMOCODIA_LETTERS[Number(c)] ?? c;
  }
  const first15 = chars.join('');
  return first15 + checkCharacter(first15);
}

/**
 * Omocodic variant of level 1–7: level n substitutes the n rightmost numeric positions, the
 * order in which the Agenzia delle Entrate assigns codes to successive homonyms.
 */
export function omocodiaVariant(code: string, level: number): string {
  if (!Number.isInteger(level) || level < 1 || level > OMOCODIA_POSITIONS.length) {
    throw new RangeError('omocodia level must be an integer from 1 to 7');
  }
  return substitute(decodeOmocodia(code), OMOCODIA_POSITIONS.slice(0, level));
}

/** The seven progressive variants (levels 1–7) of a code, substituting from the right. */
export function omocodiaVariants(code: string): string[] {
  const base = decodeOmocodia(code);
  return OMOCODIA_POSITIONS.map((_, i) => substitute(base, OMOCODIA_POSITIONS.slice(0, i + 1)));
}

/**
 * All 127 omocodic variants (every non-empty subset of the seven positions), for lookups that
 * must match a code whatever variant the Agenzia assigned. Ordered by subset bit mask, where
 * bit 0 is the rightmost position.
 */
export function allOmocodiaVariants(code: string): string[] {
  const base = decodeOmocodia(code);
  const out: string[] = [];
  for (let mask = 1; mask < 1 << OMOCODIA_POSITIONS.length; mask++) {
    out.push(substitute(base, OMOCODIA_POSITIONS.filter((_, i) => (mask & (1 << i)) !== 0)));
  }
  return out;
}
