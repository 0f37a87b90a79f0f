import { isMasked, type PersonSummary } from '@siso/shared';

/**
 * How a scheda's user reads in a list: surname and name, the anonymous code, or "Riservato" when the
 * profile may not read the name (masked on the server; the browser never sees it).
 */
export function personLabel(p: PersonSummary | null, words: { anonymous: string; masked: string }): string {
  if (!p) return words.anonymous;
  if (isMasked(p.surname) || isMasked(p.name)) return words.masked;
  const name = [p.surname, p.name].filter((x): x is string => typeof x === 'string' && x !== '').join(' ');
  if (name) return name;
  return p.anonymousCode ? `${words.anonymous} ${p.anonymousCode}` : words.anonymous;
}
