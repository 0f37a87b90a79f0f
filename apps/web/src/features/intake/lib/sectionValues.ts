import { isMasked } from '@siso/shared';
import type { FieldSpec } from './fieldSpecs';

/**
 * The form state of a plain section: every value as the input holds it (text, or a checkbox's
 * boolean), and the fields that arrived masked (`{ masked: true }`): those are shown as "Riservato",
 * never sent back, so saving a section cannot blank what the operator may not read.
 */
export type FieldValue = string | boolean;
export interface SectionState {
  values: Record<string, FieldValue>;
  masked: ReadonlySet<string>;
}

export type FieldProblem = { path: string; code: 'invalid' | 'range' | 'required' };

/** The state of a section from its view (null: a section never saved). */
export function sectionState(fields: readonly FieldSpec[], view: Record<string, unknown> | null | undefined, defaults: Record<string, FieldValue> = {}): SectionState {
  const values: Record<string, FieldValue> = {};
  const masked = new Set<string>();
  for (const f of fields) {
    const v = view?.[f.key];
    if (isMasked(v)) {
      masked.add(f.key);
      values[f.key] = f.kind === 'flag' ? false : '';
    } else if (f.kind === 'flag') values[f.key] = v === true;
    else if (v === null || v === undefined) values[f.key] = view ? '' : (defaults[f.key] ?? '');
    else values[f.key] = String(v);
  }
  return { values, masked };
}

/**
 * The section's input from its state: empty text becomes null (the contract's "no value"), numbers
 * are parsed, masked fields are left out. Problems the browser can see (a non-number, out of range)
 * come back on the section's paths (`social.invalidityPercent`) so the error summary can link them.
 */
export function sectionPayload(section: string, fields: readonly FieldSpec[], state: SectionState): { input: Record<string, unknown>; problems: FieldProblem[] } {
  const input: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    if (state.masked.has(f.key)) continue;
    const v = state.values[f.key];
    if (f.kind === 'flag') {
      input[f.key] = v === true;
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : '';
    if (f.kind === 'date' && f.key === 'date' && section === 'access') {
      // The access date is not nullable: absent means "today" on the server.
      if (text) input[f.key] = text;
      continue;
    }
    if (text === '') {
      input[f.key] = null;
      continue;
    }
    if (f.kind === 'integer') {
      if (!/^-?\d+$/.test(text)) {
        problems.push({ path: `${section}.${f.key}`, code: 'invalid' });
        continue;
      }
      const n = Number(text);
      if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) problems.push({ path: `${section}.${f.key}`, code: 'range' });
      else input[f.key] = n;
      continue;
    }
    input[f.key] = f.kind === 'text' && f.key === 'fiscalCode' ? text.toUpperCase() : text;
  }
  return { input, problems };
}
