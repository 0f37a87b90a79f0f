/** A calendar date (YYYY-MM-DD) as Italians write it (dd/mm/yyyy); the wire date is kept when malformed. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}
