/**
 * Temporary fiscal code for a person who has none yet (issue 4, point 4).
 *
 * LOCAL ONLY: it identifies the person inside SISO until the definitive codice fiscale is known
 * (then `persons.replaceFiscalCode` swaps it everywhere). It must never be sent to ANPR, INPS
 * (SIUSS) or any other external system, which would take it for a code of the Agenzia delle
 * Entrate.
 *
 * Shape: `TMP` + one digit + 11 characters of `TEMPORARY_CODE_ALPHABET` + a check character.
 * - The 4th character is a digit, where every codice fiscale has a letter (the name part, D.M.
 *   Finanze 23/12/1976), so it can never match `FISCAL_CODE_PATTERN` nor collide with a real
 *   code, omocodic or not.
 * - The check character is computed over the first 15 with the algorithm of the codice fiscale
 *   (`checkCharacter`). The alphabet (digits and K M N P Q R S T U V W X Y Z) has 24 characters
 *   with pairwise different values in both the odd and the even table, so any single mistyped
 *   character is caught; I, L, O (confused with 1 and 0) and A–J (same check values as 0–9) are
 *   left out.
 */
import { checkCharacter } from './check-character.js';
import { randomString, type RandomSource } from './random.js';

export const TEMPORARY_FISCAL_CODE_PREFIX = 'TMP';
export const TEMPORARY_CODE_ALPHABET = '0123456789KMNPQRSTUVWXYZ';

const TEMPORARY_PATTERN = /^TMP[0-9][0-9KMNPQRSTUVWXYZ]{11}[A-Z]$/;

/** A new temporary code; `random` (floats in [0, 1)) for tests, Web Crypto otherwise. */
export function generateTemporaryFiscalCode(random?: RandomSource): string {
  const first15 =
    TEMPORARY_FISCAL_CODE_PREFIX + randomString('0123456789', 1, random) + randomString(TEMPORARY_CODE_ALPHABET, 11, random);
  return first15 + checkCharacter(first15);
}

/** True for a well-formed temporary code with the right check character (case-insensitive). */
export function isTemporaryFiscalCode(code: string): boolean {
  const s = code.toUpperCase();
  return TEMPORARY_PATTERN.test(s) && checkCharacter(s.slice(0, 15)) === s.charAt(15);
}
