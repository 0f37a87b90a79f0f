/** A file size for people: bytes under 1 kB, then kB and MB with one decimal (Italian comma in it). */
export function formatSize(bytes: number, locale = 'it-IT'): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  const f = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  return kb < 1024 ? `${f(kb)} kB` : `${f(kb / 1024)} MB`;
}
