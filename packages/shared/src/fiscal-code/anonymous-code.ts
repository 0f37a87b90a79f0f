/**
 * Identifier of an anonymous person (issue 4, point 4): someone helped before they give their
 * name, shown as "ANON-…" until identified. `ANON-` + 8 characters of Douglas Crockford's
 * base 32 (digits and letters without I, L, O, U: easy to read aloud and to copy), 32⁸ ≈ 10¹²
 * values. Local only, like the temporary fiscal code.
 */
import { randomString, type RandomSource } from './random.js';

export const ANONYMOUS_CODE_PREFIX = 'ANON-';
export const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const ANONYMOUS_PATTERN = /^ANON-[0-9A-HJKMNP-TV-Z]{8}$/;

/** A new anonymous code; `random` (floats in [0, 1)) for tests, Web Crypto otherwise. */
export function generateAnonymousCode(random?: RandomSource): string {
  return ANONYMOUS_CODE_PREFIX + randomString(CROCKFORD_BASE32, 8, random);
}

/** True for "ANON-" + 8 Crockford base-32 characters (case-insensitive). */
export function isAnonymousCode(code: string): boolean {
  return ANONYMOUS_PATTERN.test(code.toUpperCase());
}
