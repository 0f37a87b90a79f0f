import { decodeOmocodia, looksLikeFiscalCode, looksLikePartialFiscalCode, nameTokens, normalizeFiscalCode } from '@siso/shared';

/**
 * How a search text is read (issue 4, point 1): a whole fiscal code (or an anonymous identifier), the
 * start of a fiscal code, or words of surname and name in any order with typos and without accents.
 */
export type SearchPlan =
  | { mode: 'code'; code: string; base: string | null }
  | { mode: 'anonymous'; code: string }
  | { mode: 'codePrefix'; prefix: string }
  | { mode: 'name'; whole: string; splits: Array<{ surname: string; name: string }> }
  | { mode: 'none' };

const MAX_TOKENS = 4;

export function planSearch(q: string | undefined): SearchPlan {
  const text = (q ?? '').trim();
  if (!text) return { mode: 'none' };
  if (/^anon-[0-9a-z]{8}$/i.test(text)) return { mode: 'anonymous', code: text.toUpperCase() };
  const compact = normalizeFiscalCode(text);
  if (looksLikeFiscalCode(compact)) {
    let base: string | null = null;
    try {
      base = decodeOmocodia(compact);
    } catch {
      base = null;
    }
    return { mode: 'code', code: compact, base };
  }
  if (looksLikePartialFiscalCode(compact) && /\d/.test(compact)) return { mode: 'codePrefix', prefix: compact };
  const tokens = nameTokens(text).slice(0, MAX_TOKENS);
  if (tokens.length === 0) return { mode: 'none' };
  // Every way of cutting the words into surname + name, in both orders ("Rossi Mario", "Mario
  // Rossi", "De Luca Anna Maria").
  const splits: Array<{ surname: string; name: string }> = [];
  for (let k = 1; k < tokens.length; k++) {
    const left = tokens.slice(0, k).join(' ');
    const right = tokens.slice(k).join(' ');
    splits.push({ surname: left, name: right }, { surname: right, name: left });
  }
  return { mode: 'name', whole: tokens.join(' '), splits };
}
