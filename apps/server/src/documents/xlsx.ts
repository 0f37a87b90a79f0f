import { romeDateTime } from './rome-time.js';

export interface XlsxColumn {
  header: string;
  key: string;
  width?: number;
}

/**
 * A one-sheet workbook: a title row (ente and generation time, Europe/Rome), the header row (bold,
 * frozen, auto-filter) and the rows. Values are written as text, numbers or booleans only: a cell
 * never holds a formula, so a value starting with "=" cannot run in the spreadsheet (OWASP CSV/formula injection).
 */
export async function renderXlsx(spec: {
  sheetName: string;
  title: string;
  columns: XlsxColumn[];
  rows: Array<Record<string, string | number | null>>;
  generatedAt?: Date;
}): Promise<Buffer> {
  // Loaded at the first export, not at start-up: exceljs and its dependencies are some 500 files, the
  // largest single cost of loading the server (issue 11, bench/platform).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SISO';
  wb.created = spec.generatedAt ?? new Date();
  const ws = wb.addWorksheet(spec.sheetName.slice(0, 31));
  ws.addRow([`${spec.title} — generato il ${romeDateTime(wb.created)}`]).font = { bold: true };
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  spec.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? Math.max(12, c.header.length + 2);
  });
  for (const r of spec.rows) ws.addRow(spec.columns.map((c) => r[c.key] ?? null));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: spec.columns.length } };
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
