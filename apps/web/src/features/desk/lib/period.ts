import type { DeskCounters } from '@siso/shared';

export interface Period {
  from: string;
  to: string;
}

/** Today's date in Italy (the desk's calendar day, whatever the browser's zone). */
export function todayInRome(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The calendar month that contains `day` (YYYY-MM-DD), first to last day. */
export function monthPeriod(day: string): Period {
  const [y, m] = day.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one (UTC: no daylight-saving surprises).
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

export const counterKeys = ['complete', 'incomplete', 'sent', 'received', 'refused', 'proposals'] as const;
export type CounterKey = (typeof counterKeys)[number];

/** The counters in the order the desk reads them, each with its value. */
export function counterEntries(c: DeskCounters): { key: CounterKey; value: number }[] {
  return counterKeys.map((key) => ({ key, value: c[key] }));
}
