/**
 * Likelihood that two people of the registry are the same person (issue 4, point 7: the system
 * proposes duplicates with a score; an operator decides and merges). Pure: the server ranks the
 * candidate pairs its indexes find with this function, and the UI can show the reasons.
 *
 * Rules (the score is the highest rule that applies; `reasons` lists every rule that applied):
 * 1. Both have a definitive codice fiscale:
 *    - the same code → 1 (`same_fiscal_code`), whatever the other data say;
 *    - omocodic variants of the same base code → 0.97 (`omocodic_variant`): an operator may have
 *      typed the computed code of someone whom the Agenzia gave a variant (D.M. Finanze
 *      23/12/1976) — or they are true homonyms: the operator checks;
 *    - otherwise → 0 and nothing else is looked at: two different definitive codes are two people.
 * 2. The same temporary, STP or ENI code (same kind) → 1 (`same_fiscal_code`).
 * 3. One has a definitive code, the other none (temporary, STP/ENI or no code) and the other's
 *    surname, name, sex, birth date and birthplace compute (`computeFiscalCode`) to that code →
 *    0.95, or to the base of that omocodic code → 0.92 (`computed_fiscal_code`).
 * 4. Name rules, only when both birth dates are known and equal (different birth dates veto them;
 *    an unknown one gives no proposal). Names compared in `normalizeName` form:
 *    - identical surname and name → 0.9 (`same_name_birth_date`);
 *    - the same words in another order or split differently between surname and name (surname
 *      and name swapped) → 0.85 (`swapped_names`);
 *    - an alias of one (its surname, and its name or else the person's own name) with the same
 *      words, in any order, as the other's name or one of the other's aliases → 0.8 (`alias_match`);
 *    - surnames and names each with pg_trgm similarity ≥ 0.5 (also across, surname against
 *      name) → 0.6 + 0.25 × (mean similarity − 0.5) / 0.5, i.e. 0.6–0.85
 *      (`similar_name_birth_date`).
 *    Their score is multiplied by 0.5 when both sexes are known and differ, and by 0.85 when both
 *    birthplaces are known and differ (a data-entry error stays visible at a lower score).
 * Scores are rounded to three decimals.
 */
import { computeFiscalCode, decodeOmocodia, normalizeFiscalCode, parseFiscalCode, type Sex } from '../fiscal-code/index.js';
import { normalizeName } from './normalize-name.js';
import { trigramSimilarity } from './trigram.js';

export type DuplicateScoreReason =
  | 'same_fiscal_code'
  | 'omocodic_variant'
  | 'same_name_birth_date'
  | 'similar_name_birth_date'
  | 'swapped_names'
  | 'alias_match'
  | 'computed_fiscal_code';

export interface DuplicateScoreInput {
  fiscalCode: string | null;
  fiscalCodeKind: 'definitive' | 'temporary' | 'stp' | 'eni' | null;
  surname: string | null;
  name: string | null;
  sex: Sex | null;
  /** "YYYY-MM-DD". */
  birthDate: string | null;
  /** Belfiore code of the comune or Z-code of the foreign state of birth. */
  birthPlaceBelfiore?: string | null;
  /** Other names the person is known by; a null name means the person's own name. */
  aliases?: ReadonlyArray<{ surname: string; name?: string | null }>;
}

export interface DuplicateScore {
  score: number;
  reasons: DuplicateScoreReason[];
}

/** The scores and factors of the rules above. */
export const DUPLICATE_RULES = Object.freeze({
  sameFiscalCode: 1,
  omocodicVariant: 0.97,
  computedFiscalCode: 0.95,
  computedOmocodicBase: 0.92,
  sameNameBirthDate: 0.9,
  swappedNames: 0.85,
  aliasMatch: 0.8,
  similarMin: 0.6,
  similarMax: 0.85,
  similarThreshold: 0.5,
  sexDiffersFactor: 0.5,
  birthPlaceDiffersFactor: 0.85,
});

interface NameForm {
  surname: string;
  name: string;
}

/** The definitive codice fiscale (normalised), also when the kind is missing but the code parses. */
function definitiveCode(p: DuplicateScoreInput): string | null {
  if (!p.fiscalCode) return null;
  const code = normalizeFiscalCode(p.fiscalCode);
  if (p.fiscalCodeKind === 'definitive') return code;
  if (p.fiscalCodeKind == null && parseFiscalCode(code)) return code;
  return null;
}

/** Rule 3: the score when `p`'s data compute to `code`, else 0. */
function computedScore(p: DuplicateScoreInput, code: string): number {
  if (!p.surname || !p.name || !p.sex || !p.birthDate || !p.birthPlaceBelfiore) return 0;
  let computed: string;
  try {
    computed = computeFiscalCode({
      surname: p.surname, name: p.name, sex: p.sex, birthDate: p.birthDate, birthPlaceCode: p.birthPlaceBelfiore,
    });
  } catch {
    return 0; // no Latin letters, impossible date, malformed place: nothing to compare
  }
  if (computed === code) return DUPLICATE_RULES.computedFiscalCode;
  if (parseFiscalCode(code) && computed === decodeOmocodia(code)) return DUPLICATE_RULES.computedOmocodicBase;
  return 0;
}

const sortedWords = (f: NameForm): string => `${f.surname} ${f.name}`.split(' ').filter(Boolean).sort().join(' ');
const sameForm = (x: NameForm, y: NameForm): boolean => x.surname === y.surname && x.name === y.name;

function ownForm(p: DuplicateScoreInput): NameForm {
  return { surname: normalizeName(p.surname), name: normalizeName(p.name) };
}

function aliasForms(p: DuplicateScoreInput): NameForm[] {
  const own = normalizeName(p.name);
  return (p.aliases ?? [])
    .map((a) => ({ surname: normalizeName(a.surname), name: a.name ? normalizeName(a.name) : own }))
    .filter((f) => f.surname !== '');
}

/** Rule 4, similar names: the 0.6–0.85 score, or 0 below the threshold. */
function similarScore(a: NameForm, b: NameForm): number {
  const t = DUPLICATE_RULES.similarThreshold;
  let best = 0;
  for (const [s1, s2] of [
    [trigramSimilarity(a.surname, b.surname), trigramSimilarity(a.name, b.name)],
    [trigramSimilarity(a.surname, b.name), trigramSimilarity(a.name, b.surname)],
  ] as const) {
    if (s1 >= t && s2 >= t) best = Math.max(best, (s1 + s2) / 2);
  }
  if (best === 0) return 0;
  const { similarMin: lo, similarMax: hi } = DUPLICATE_RULES;
  return lo + ((hi - lo) * (best - t)) / (1 - t);
}

/** Rule 4 without the factors: every name rule that applies, with its score. */
function nameRules(a: DuplicateScoreInput, b: DuplicateScoreInput): Map<DuplicateScoreReason, number> {
  const rules = new Map<DuplicateScoreReason, number>();
  const fa = ownForm(a);
  const fb = ownForm(b);
  if (fa.surname !== '' && fb.surname !== '') {
    if (sameForm(fa, fb)) rules.set('same_name_birth_date', DUPLICATE_RULES.sameNameBirthDate);
    else if (sortedWords(fa) === sortedWords(fb)) rules.set('swapped_names', DUPLICATE_RULES.swappedNames);
    else {
      const similar = similarScore(fa, fb);
      if (similar > 0) rules.set('similar_name_birth_date', similar);
    }
  }
  // Alias against the other's name or alias (not own name against own name: that is above).
  const idsA = [fa, ...aliasForms(a)];
  const idsB = [fb, ...aliasForms(b)];
  const aliasHit = idsA.some((x, i) =>
    idsB.some((y, j) => (i > 0 || j > 0) && x.surname !== '' && y.surname !== '' && sortedWords(x) === sortedWords(y)),
  );
  if (aliasHit) rules.set('alias_match', DUPLICATE_RULES.aliasMatch);
  return rules;
}

const known = (s: string | null | undefined): s is string => s !== null && s !== undefined && s.trim() !== '';
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Score and reasons for a pair of people (rules above); symmetric in `a` and `b`. */
export function duplicateScore(a: DuplicateScoreInput, b: DuplicateScoreInput): DuplicateScore {
  const codeA = definitiveCode(a);
  const codeB = definitiveCode(b);
  if (codeA && codeB) {
    if (codeA === codeB) return { score: DUPLICATE_RULES.sameFiscalCode, reasons: ['same_fiscal_code'] };
    const parsedA = parseFiscalCode(codeA);
    const parsedB = parseFiscalCode(codeB);
    if (parsedA && parsedB && parsedA.baseCode === parsedB.baseCode) {
      return { score: DUPLICATE_RULES.omocodicVariant, reasons: ['omocodic_variant'] };
    }
    return { score: 0, reasons: [] };
  }
  if (a.fiscalCode && b.fiscalCode && a.fiscalCodeKind === b.fiscalCodeKind &&
      normalizeFiscalCode(a.fiscalCode) === normalizeFiscalCode(b.fiscalCode)) {
    return { score: DUPLICATE_RULES.sameFiscalCode, reasons: ['same_fiscal_code'] };
  }
  const scores = new Map<DuplicateScoreReason, number>();
  const computed = codeA ? computedScore(b, codeA) : codeB ? computedScore(a, codeB) : 0;
  if (computed > 0) scores.set('computed_fiscal_code', computed);
  if (known(a.birthDate) && a.birthDate === b.birthDate) {
    let factor = 1;
    if (a.sex && b.sex && a.sex !== b.sex) factor *= DUPLICATE_RULES.sexDiffersFactor;
    if (known(a.birthPlaceBelfiore) && known(b.birthPlaceBelfiore) &&
        a.birthPlaceBelfiore.trim().toUpperCase() !== b.birthPlaceBelfiore.trim().toUpperCase()) {
      factor *= DUPLICATE_RULES.birthPlaceDiffersFactor;
    }
    for (const [reason, score] of nameRules(a, b)) scores.set(reason, score * factor);
  }
  if (scores.size === 0) return { score: 0, reasons: [] };
  const ranked = [...scores].sort((x, y) => y[1] - x[1]);
  return { score: round3(ranked[0]?.[1] ?? 0), reasons: ranked.map(([reason]) => reason) };
}
