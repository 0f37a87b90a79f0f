/**
 * Trigram similarity with the definition of PostgreSQL's pg_trgm `similarity()` (contrib
 * pg_trgm, trgm_op.c), so a score computed here equals the one the database computes on the
 * normalised search columns:
 * - the text is split into words at every character that is not a letter or digit;
 * - each word is lower-cased and padded with two blanks in front and one behind ("  word ");
 * - its trigrams are the 3-character windows ("  w", " wo", "wor", "ord", "rd ");
 * - similarity = |A ∩ B| / |A ∪ B| over the two sets of trigrams; 0 when either set is empty;
 * - the quotient is rounded to float4 (pg_trgm returns `real`), so the numbers are the same.
 * Differences that do not arise on `normalizeName` output: PostgreSQL decides "letter or digit"
 * with the database's locale (under the C locale non-ASCII letters separate words) and hashes
 * trigrams longer than 3 bytes, which could in principle collide.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** The set of pg_trgm trigrams of a text. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const chars = [' ', ' ', ...match[0], ' '];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

/** pg_trgm `similarity(a, b)`: shared trigrams over all trigrams, in [0, 1]. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return Math.fround(shared / (ta.size + tb.size - shared));
}
