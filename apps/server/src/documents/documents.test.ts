import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../testing/pdf-text.js';
import { renderPdf, winAnsi } from './pdf.js';
import { printValue } from './print-values.js';
import { romeDateTime, italianDate } from './rome-time.js';
import { renderXlsx } from './xlsx.js';

const header = { enteName: 'Comune di Città di Castello', ambitoName: 'Zona sociale n. 1', officeName: 'Sportello di accoglienza', contacts: ['Tel. 075 000000'] };

describe('pdf', () => {
  it('renders an A4 document with the letterhead, accented Italian text, page numbers and the time in Europe/Rome', async () => {
    const at = new Date('2026-07-01T10:30:00Z');
    const pdf = await renderPdf({
      header,
      title: 'Prova di stampa',
      generatedAt: at,
      sections: [{ heading: 'Sezione', rows: [{ label: 'Attività', value: 'perché sì' }] }, { heading: 'Lunga', paragraphs: Array.from({ length: 80 }, (_, i) => `Paragrafo ${i} più lungo`) }],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pdfText(pdf);
    expect(text).toContain('Comune di Città di Castello');
    expect(text).toContain('perché sì');
    expect(text).toContain('Pagina 1 di 2');
    expect(text).toContain('Pagina 2 di 2');
    // 10:30 UTC is 12:30 in Rome in summer (CEST).
    expect(text).toContain('12:30');
  });

  it('replaces characters the standard fonts cannot draw instead of dropping them', () => {
    expect(winAnsi('Niccolò – “Ž” €')).toBe('Niccolò – “Ž” €');
    expect(winAnsi('Иван 李')).toBe('???? ?');
  });
});

describe('values and dates', () => {
  it('prints masked values as riservato and translates codes', () => {
    expect(printValue({ masked: true })).toBe('riservato');
    expect(printValue(null)).toBe('');
    expect(printValue(true)).toBe('Sì');
    expect(printValue('2026-03-04')).toBe('04/03/2026');
    expect(printValue(['a', 'b'], { a: 'A' })).toBe('A, b');
    expect(italianDate('2026-12-31')).toBe('31/12/2026');
    expect(romeDateTime(new Date('2026-01-15T23:30:00Z'))).toContain('16/01/2026');
  });
});

describe('xlsx', () => {
  it('writes a header row and the rows as plain values (a leading = is text, not a formula)', async () => {
    const buf = await renderXlsx({ sheetName: 'Schede', title: 'Prova', columns: [{ header: 'Numero', key: 'n' }, { header: 'Nota', key: 'x' }], rows: [{ n: '2026/1', x: '=HYPERLINK("http://x")' }] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Schede')!;
    expect(ws.getRow(2).values).toEqual([undefined, 'Numero', 'Nota']);
    expect(ws.getCell('A3').value).toBe('2026/1');
    expect(ws.getCell('B3').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.String);
  });
});
