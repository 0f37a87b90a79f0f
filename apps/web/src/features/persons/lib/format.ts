import { isMasked } from '@siso/shared';
import { formatDate } from '../../../lib/format';

/** A value that may arrive masked (`{ masked: true }`): the caller shows "Riservato" for it. */
export type Maskable<T> = T | { masked: true };

/** The value itself, or undefined when masked. */
export function unmasked<T>(v: Maskable<T>): T | undefined {
  return isMasked(v) ? undefined : (v as T);
}

/** Shared with every feature (apps/web/src/lib/format.ts); re-exported for the registry's components. */
export { formatDate };

/** Today in Europe/Rome as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

interface Named {
  anonymous?: boolean;
  anonymousCode: string | null;
  surname: Maskable<string | null>;
  name: Maskable<string | null>;
}

/**
 * How a person is called on screen: "SURNAME Name", the generated code of an anonymous person, or
 * null when the names are masked (the caller then says "Riservato").
 */
export function personName(p: Named): string | null {
  const surname = unmasked(p.surname);
  const name = unmasked(p.name);
  const full = [surname, name].filter(Boolean).join(' ');
  if (full) return full;
  if (p.anonymousCode) return p.anonymousCode;
  return null;
}

/** A value of a masked-or-plain field as text: masked → `reserved`, empty → "—". */
export function textOf(v: unknown, reserved: string): string {
  if (isMasked(v)) return reserved;
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

export interface ValueWords {
  reserved: string;
  yes: string;
  no: string;
}

/**
 * Any value of a history entry or registry difference as one line of text: dates as DD/MM/YYYY,
 * booleans as yes/no, lists joined, objects by their meaningful parts (an address, a GP).
 */
export function describeValue(v: unknown, words: ValueWords): string {
  if (isMasked(v)) return words.reserved;
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? words.yes : words.no;
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => describeValue(x, words)).join('; ') : '—';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('street' in o) {
      const line = [o.street, o.civic].filter(Boolean).join(' ');
      const place = [o.postalCode, o.comuneName ?? o.stateName ?? o.comuneIstat ?? o.stateCode].filter(Boolean).join(' ');
      return [line, place].filter(Boolean).join(', ') || '—';
    }
    const parts = Object.values(o).filter((x) => x !== null && x !== undefined && x !== '' && typeof x !== 'object');
    return parts.length ? parts.map((x) => describeValue(x, words)).join(', ') : '—';
  }
  return String(v);
}
