import type { AuditItem } from '@siso/shared';

/** Excel opens a file as UTF-8 only with the byte-order mark; Italian Excel splits on ';'. */
export const CSV_BOM = '\uFEFF';
const SEP = ';';

/**
 * One CSV cell (RFC 4180: quoted when it holds the separator, a quote or a line break; quotes doubled).
 * Cells starting with = + - @ (or a tab / carriage return) are prefixed with an apostrophe so a
 * spreadsheet never runs them as formulas (OWASP, CSV injection): audit text comes from users.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: Array<string | number | boolean | null | undefined>): string {
  return `${cells.map(csvCell).join(SEP)}\r\n`;
}

export const auditCsvHeader = [
  'seq', 'data_ora', 'azione', 'esito', 'codice_errore', 'operatore_id', 'operatore', 'nome_operatore', 'ente', 'ufficio',
  'profili', 'persone', 'record', 'classi_lette', 'classi_modificate', 'finalita', 'request_id', 'sigillata', 'posizione_catena',
];

/** Europe/Rome wall-clock time, as the DPO reads it ("2026-03-01 14:05:09"). */
const romeTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'medium' });

export function auditCsvRow(i: AuditItem): string {
  return csvLine([
    i.seq,
    romeTime.format(new Date(i.time)),
    i.action,
    i.outcome,
    i.errorCode,
    i.operator?.id,
    i.operator?.username,
    i.operator?.name,
    i.enteName,
    i.officeName,
    i.profiles.join(' '),
    i.subjects.join(' '),
    i.targets.map((t) => `${t.kind}:${t.id}`).join(' '),
    i.classesRead.join(' '),
    i.classesChanged.join(' '),
    i.purpose,
    i.requestId,
    i.sealed ? 'si' : 'no',
    i.chainPos,
  ]);
}
