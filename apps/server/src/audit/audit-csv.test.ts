import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './audit-csv.js';

describe('audit CSV cells', () => {
  it('quotes per RFC 4180 for the Italian separator', () => {
    expect(csvCell('semplice')).toBe('semplice');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('dice "no"')).toBe('"dice ""no"""');
    expect(csvCell('riga\nnuova')).toBe('"riga\nnuova"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralises formula injection', () => {
    for (const s of ['=1+1', '+39 333', '-2', '@SUM(A1)', '\tx']) expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 'b;c'])).toBe('a;"b;c"\r\n');
  });
});
