/**
 * What a search query looks like, so `persons.find` can pick the index to use: a whole fiscal
 * code (exact lookup, omocodic variants included), the first characters of one ("RSSMRA80",
 * prefix lookup), or words of a name (trigram search).
 */
import { FISCAL_CODE_PATTERN, MONTH_LETTERS, isTemporaryFiscalCode } from '../fiscal-code/index.js';

const compact = (q: string): string => q.replace(/\s+/g, '').toUpperCase();

const LETTER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGIT = '0123456789LMNPQRSTUV';
const MONTH = MONTH_LETTERS.join('');
/** Allowed characters at each position of a codice fiscale (D.M. Finanze 23/12/1976). */
const POSITION_CHARS = [
  LETTER, LETTER, LETTER, LETTER, LETTER, LETTER, DIGIT, DIGIT, MONTH, DIGIT, DIGIT, LETTER, DIGIT, DIGIT, DIGIT, LETTER,
];
/** The same for a temporary code: TMP, a digit, then the temporary alphabet. */
const TEMPORARY_POSITION_CHARS = ['T', 'M', 'P', '0123456789', ...Array<string>(11).fill('0123456789KMNPQRSTUVWXYZ'), LETTER];

/**
 * A surname or name part of a code: consonants, then vowels, then X padding (a name with four or
 * more consonants gives three consonants, which fits too). "ROM" cannot be one.
 */
const NAME_PART = /^[B-DF-HJ-NP-TV-Z]*[AEIOU]*X*$/;

function fitsPositions(s: string, positions: readonly string[]): boolean {
  return [...s].every((c, i) => (positions[i] ?? '').includes(c));
}

/** 16 characters (blanks ignored) shaped like a codice fiscale — check character not verified — or a temporary code. */
export function looksLikeFiscalCode(q: string): boolean {
  const s = compact(q);
  return s.length === 16 && (FISCAL_CODE_PATTERN.test(s) || isTemporaryFiscalCode(s));
}

/**
 * 6 to 15 characters (blanks ignored) that can begin a codice fiscale ("RSSMRA80", "rss mra 80a01")
 * or a temporary code. The first six must also be well-formed surname and name parts
 * (consonants, vowels, X), so that words like "Romano" read as names. Six letters may still be
 * both ("Bianca" fits BIA NCA): when the query has no digit the caller should search names too.
 */
export function looksLikePartialFiscalCode(q: string): boolean {
  const s = compact(q);
  if (s.length < 6 || s.length > 15) return false;
  if (s.startsWith('TMP') && fitsPositions(s, TEMPORARY_POSITION_CHARS)) return true;
  return fitsPositions(s, POSITION_CHARS) && NAME_PART.test(s.slice(0, 3)) && NAME_PART.test(s.slice(3, 6));
}
