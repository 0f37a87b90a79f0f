/**
 * Normal form of surnames and names for search and duplicate detection. The server stores it in
 * the search columns (trigram-indexed) and applies it to queries, so it must stay deterministic:
 * changing it means recomputing the stored columns (a migration).
 *
 * Steps, in order:
 * 1. Unicode NFD, then lower case; combining marks (accents, cedillas, …) are dropped:
 *    "Niccolò" → "niccolo", "Ştefan" → "stefan";
 * 2. letters that decomposition does not reduce are spelled out: ø → o, ł → l, đ → d, ħ → h,
 *    ŧ → t, ŋ → n, æ → ae, œ → oe, ß → ss, þ → th, ð → d, ı → i;
 * 3. apostrophes (' ’ ‘ ʼ ` ´) and dots are removed: "D'Angelo" → "dangelo", "S.Anna" → "sanna";
 * 4. every other character that is not a letter or a digit (hyphens, commas, slashes, blanks…)
 *    becomes a blank; runs of blanks become one; the result is trimmed:
 *    "De-Luca  Rossi" → "de luca rossi".
 * Letters of other scripts (Cyrillic, Arabic, Chinese…) are kept, lower-cased where they have case.
 */

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ŧ: 't', ŋ: 'n', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd', ı: 'i',
};

const MARKS = /\p{M}/gu;
const SPECIAL = /[øłđħŧŋæœßþðı]/gu;
const REMOVED = /['’‘ʼ`´.]/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** The normal form described above; "" for null, undefined or a string without letters/digits. */
export function normalizeName(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .normalize('NFD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(REMOVED, '')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** The words of a free query in normal form: "Rossi  Mario-Luigi" → ["rossi", "mario", "luigi"]. */
export function nameTokens(q: string | null | undefined): string[] {
  const n = normalizeName(q);
  return n === '' ? [] : n.split(' ');
}
