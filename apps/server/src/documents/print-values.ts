import { italianDate } from './rome-time.js';

/** How a masked field prints: the reader sees that a value exists but not what it is. */
export const RESERVED_TEXT = 'riservato';

export function isMasked(v: unknown): v is { masked: true } {
  return typeof v === 'object' && v !== null && (v as { masked?: unknown }).masked === true;
}

/**
 * A value of a (masked) view as printed text: masked → "riservato", empty → "", booleans Sì/No,
 * ISO dates as dd/mm/yyyy, lists joined; `labels` translates enumeration codes.
 */
export function printValue(v: unknown, labels?: Record<string, string>): string {
  if (isMasked(v)) return RESERVED_TEXT;
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'Sì' : 'No';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (labels && v in labels) return labels[v] ?? v;
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? italianDate(v) : v;
  }
  if (Array.isArray(v)) return v.map((x) => printValue(x, labels)).filter(Boolean).join(', ');
  return JSON.stringify(v);
}
