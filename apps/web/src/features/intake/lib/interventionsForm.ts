import { deskInterventionTypes, isMasked } from '@siso/shared';

/** An intervention done at the desk (SS_INTERVENTO, SS_INTERVENTO_ECONOMICO), as the form holds it. */
export interface InterventionRow {
  type: string;
  date: string;
  note: string;
  /** Euro as typed: "12,50" or "12.50"; sent as the contract's money string "12.50". */
  amount: string;
  payer: string;
}

export const emptyIntervention = (): InterventionRow => ({ type: '', date: '', note: '', amount: '', payer: '' });

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function interventionRows(view: unknown): InterventionRow[] {
  if (isMasked(view) || !Array.isArray(view)) return [];
  return view.map((r: Record<string, unknown>) => ({ type: str(r.type), date: str(r.date), note: str(r.note), amount: str(r.amount).replace('.', ','), payer: str(r.payer) }));
}

/**
 * An amount as typed in Italian ("1.234,50", "12,5", "12.50") as the contract's money string
 * ("1234.50"), or null when it is not an amount.
 */
export function moneyOf(text: string): string | null {
  const s = text.trim().replace(/\s|€/g, '');
  if (!s) return null;
  let normal = s;
  if (s.includes(',')) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(normal)) return null;
  const [int, dec = ''] = normal.split('.');
  return `${String(Number(int))}.${dec.padEnd(2, '0')}`;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function interventionsPayload(rows: readonly InterventionRow[]) {
  const problems: { path: string; code: 'required' | 'invalid' }[] = [];
  const input = rows.map((r, i) => {
    const type = (deskInterventionTypes as readonly string[]).includes(r.type) ? (r.type as (typeof deskInterventionTypes)[number]) : null;
    if (!type) problems.push({ path: `services.deskInterventions.${i}.type`, code: 'required' });
    const amount = r.amount.trim() ? moneyOf(r.amount) : null;
    if (r.amount.trim() && amount === null) problems.push({ path: `services.deskInterventions.${i}.amount`, code: 'invalid' });
    return { type: type ?? 'other', date: orNull(r.date), note: orNull(r.note), amount, payer: orNull(r.payer) };
  });
  return { input, problems };
}
