/** Person matching: name normal form, query kinds, pg_trgm similarity, duplicate scores (issue 4, points 1 and 7). */
export { normalizeName, nameTokens } from './normalize-name.js';
export { looksLikeFiscalCode, looksLikePartialFiscalCode } from './query-kind.js';
export { trigrams, trigramSimilarity } from './trigram.js';
export {
  duplicateScore,
  DUPLICATE_RULES,
  type DuplicateScore,
  type DuplicateScoreInput,
  type DuplicateScoreReason,
} from './duplicate-score.js';
