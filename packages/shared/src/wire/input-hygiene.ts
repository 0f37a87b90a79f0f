import { z } from 'zod';

/**
 * Input hygiene of the wire contract (OWASP ASVS 5.1.3/5.1.4: validate all input, structure and
 * content, against an allow-list; CWE-158 NUL byte, CWE-20 improper input validation, CWE-674
 * uncontrolled recursion). The server runs `inputHygieneIssues` on the raw input of every action
 * before its zod schema, so no contract can forget it; `plainText` lets a schema say the same.
 */

/**
 * C0 controls except TAB, LF and CR, and DEL. PostgreSQL refuses U+0000 in text and jsonb (a 500
 * otherwise); the others have no place in typed text and hide content from reviewers and exports.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Containers (objects, arrays) nested deeper than this are refused; every contract needs far fewer. */
export const MAX_INPUT_DEPTH = 32;
/** Object keys are field names or configured codes (60 chars at most): longer is not ours. */
export const MAX_KEY_LENGTH = 200;
/** Enough to show the user what to fix; never an answer as large as the input. */
export const MAX_HYGIENE_ISSUES = 20;

export type HygieneMessage = 'carattere_di_controllo' | 'nome_campo_non_valido' | 'troppo_annidato';
export interface HygieneIssue {
  /** Dotted path with array indexes ("members.0.name"), "" for the input itself. */
  path: string;
  message: HygieneMessage;
}

export function hasControlCharacters(s: string): boolean {
  return CONTROL_CHARACTER.test(s);
}

/**
 * Walks a parsed JSON value and lists what no action accepts: control characters in strings and in
 * keys, keys over MAX_KEY_LENGTH, nesting over MAX_INPUT_DEPTH. A bad key is reported at its
 * object's path (the key itself is never echoed); nothing below a bad key or the depth limit is read.
 */
export function inputHygieneIssues(input: unknown): HygieneIssue[] {
  const issues: HygieneIssue[] = [];
  // Depth-first with an explicit stack: no recursion to overflow, whatever the input.
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: input, path: '', depth: 0 }];
  while (stack.length > 0 && issues.length < MAX_HYGIENE_ISSUES) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasControlCharacters(value)) issues.push({ path, message: 'carattere_di_controllo' });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      issues.push({ path, message: 'troppo_annidato' });
      continue;
    }
    const at = (key: string) => (path === '' ? key : `${path}.${key}`);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: at(String(i)), depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (key.length > MAX_KEY_LENGTH || hasControlCharacters(key)) issues.push({ path, message: 'nome_campo_non_valido' });
      else stack.push({ value: child, path: at(key), depth: depth + 1 });
    }
  }
  return issues.slice(0, MAX_HYGIENE_ISSUES);
}

/** A string without control characters (TAB, LF and CR allowed), trimmed, at most `max` characters. */
export function plainText(max: number) {
  return z
    .string()
    .refine((s) => !hasControlCharacters(s), 'carattere_di_controllo')
    .trim()
    .max(max);
}
