import { isMasked, mergeableFields } from '@siso/shared';
import type { PersonView } from '@siso/shared';

/**
 * The field-by-field choice of a merge (issue 4, point 7): for each mergeable field, the survivor's
 * and the merged person's values, whether they differ, and which one is taken. persons.merge wants
 * only the list of fields taken from the merged person.
 */
export type MergeableField = (typeof mergeableFields)[number];
export type MergeChoice = 'survivor' | 'merged';

export interface MergeRow {
  field: MergeableField;
  survivor: unknown;
  merged: unknown;
  same: boolean;
  /** A choice is offered only when the values differ and neither is masked. */
  selectable: boolean;
  defaultChoice: MergeChoice;
}

/** The value of a mergeable field on a person (the birthplace is compared by its codes). */
export function mergeValue(p: PersonView, field: MergeableField): unknown {
  switch (field) {
    case 'birthPlace':
      if (isMasked(p.birthComuneIstat) || isMasked(p.birthStateCode) || isMasked(p.birthPlaceName)) return { masked: true };
      if (!p.birthComuneIstat && !p.birthStateCode) return null;
      return { comune: p.birthComuneIstat, state: p.birthStateCode, name: p.birthPlaceName };
    default:
      return p[field];
  }
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Comparison ignoring the birthplace's display name (the codes decide). */
function key(field: MergeableField, v: unknown): string {
  if (field === 'birthPlace' && v && typeof v === 'object' && !isMasked(v)) {
    const { comune, state } = v as { comune: unknown; state: unknown };
    return JSON.stringify([comune, state]);
  }
  if (Array.isArray(v)) return JSON.stringify([...(v as unknown[])].map((x) => JSON.stringify(x)).sort());
  return JSON.stringify(v ?? null);
}

export function buildMergeRows(survivor: PersonView, merged: PersonView): MergeRow[] {
  return mergeableFields.map((field) => {
    const a = mergeValue(survivor, field);
    const b = mergeValue(merged, field);
    const masked = isMasked(a) || isMasked(b);
    const same = !masked && key(field, a) === key(field, b);
    const selectable = !same && !masked;
    // Fill the survivor's gaps from the merged person; otherwise keep what the survivor has.
    const defaultChoice: MergeChoice = selectable && isEmpty(a) && !isEmpty(b) ? 'merged' : 'survivor';
    return { field, survivor: a, merged: b, same, selectable, defaultChoice };
  });
}

export function initialChoices(rows: readonly MergeRow[]): Partial<Record<MergeableField, MergeChoice>> {
  return Object.fromEntries(rows.map((r) => [r.field, r.defaultChoice]));
}

/** The fields to take from the merged person: chosen, and actually choosable. */
export function takeFromMerged(rows: readonly MergeRow[], choices: Partial<Record<MergeableField, MergeChoice>>): MergeableField[] {
  return rows.filter((r) => r.selectable && (choices[r.field] ?? r.defaultChoice) === 'merged').map((r) => r.field);
}
