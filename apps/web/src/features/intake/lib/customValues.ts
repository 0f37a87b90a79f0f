import { isMasked } from '@siso/shared';
import type { IntakeView } from '@siso/shared';

export type CustomDefinition = IntakeView['customFields'][number];
export type CustomFormValue = string | boolean | string[];

/** The form values of the desk's own fields (configuration-defined, target intake), and which are masked. */
export function customState(defs: readonly CustomDefinition[], values: Record<string, unknown>): { values: Record<string, CustomFormValue>; masked: Set<string> } {
  const out: Record<string, CustomFormValue> = {};
  const masked = new Set<string>();
  for (const d of defs) {
    const v = values[d.key];
    if (isMasked(v)) masked.add(d.key);
    if (d.type === 'boolean') out[d.key] = v === true;
    else if (d.type === 'multi_choice') out[d.key] = Array.isArray(v) ? v.map(String) : [];
    else out[d.key] = v === null || v === undefined || isMasked(v) ? '' : String(v);
  }
  return { values: out, masked };
}

/** The `custom` input: typed values, null for an empty one; the server validates against the definitions. */
export function customPayload(defs: readonly CustomDefinition[], state: { values: Record<string, CustomFormValue>; masked: ReadonlySet<string> }) {
  const input: Record<string, unknown> = {};
  const problems: { path: string; code: 'invalid' }[] = [];
  for (const d of defs) {
    if (state.masked.has(d.key)) continue;
    const v = state.values[d.key];
    if (d.type === 'boolean') input[d.key] = v === true;
    else if (d.type === 'multi_choice') input[d.key] = Array.isArray(v) ? v : [];
    else {
      const text = typeof v === 'string' ? v.trim() : '';
      if (!text) input[d.key] = null;
      else if (d.type === 'number') {
        const n = Number(text.replace(',', '.'));
        if (Number.isFinite(n)) input[d.key] = n;
        else problems.push({ path: `custom.${d.key}`, code: 'invalid' });
      } else input[d.key] = text;
    }
  }
  return { input, problems };
}
