import { CHECK_EVEN_VALUES, CHECK_ODD_VALUES, CHECK_REMAINDER_LETTERS } from './tables.js';

/**
 * Check character (16th) of a codice fiscale, from its first 15 characters (D.M. Finanze
 * 23/12/1976): characters in odd positions (1st, 3rd, … counting from 1) take the odd-table
 * value, those in even positions the even-table value; the sum mod 26 gives the letter.
 * Works on omocodic codes too (letters in numeric positions have their own values).
 */
export function checkCharacter(first15: string): string {
  if (first15.length < 15) throw new RangeError('checkCharacter needs the first 15 characters');
  const s = first15.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = s.charAt(i);
    // i is 0-based: i = 0 is the 1st character, an odd position.
    const value = i % 2 === 0 ? CHECK_ODD_VALUES[c] : CHECK_EVEN_VALUES[c];
    if (value === undefined) throw new RangeError(`invalid character "${c}" at position ${i + 1}`);
    sum += value;
  }
  return CHECK_REMAINDER_LETTERS.charAt(sum % 26);
}
