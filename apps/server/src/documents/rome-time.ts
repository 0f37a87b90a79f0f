/** Dates in documents are Italian civil time (Europe/Rome), whatever the server's time zone. */
const dateTime = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "28/11/2026, 18:35" in Europe/Rome. */
export function romeDateTime(at: Date): string {
  return dateTime.format(at);
}

/** An ISO calendar date (YYYY-MM-DD) as "28/11/2026"; no time zone involved. */
export function italianDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

// Building an Intl formatter costs ~0.3 ms (profile of bench/intake's desk home); formatting is cheap.
const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Europe/Rome as YYYY-MM-DD: dates are judged where the service works ("not in the future" checks, "today" lists). */
export function todayInRome(at: Date = new Date()): string {
  return romeDay.format(at);
}
