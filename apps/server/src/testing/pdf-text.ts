import zlib from 'node:zlib';

/**
 * The text drawn in a PDF made by pdfkit with the standard fonts, good enough for tests: inflates the
 * content streams and decodes the hex strings of TJ operators (WinAnsi ≈ Latin-1), one line per
 * TJ, word gaps as spaces. Not a general PDF parser — an independent reading of the bytes, not of our own code.
 */
export function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const body = pdf.subarray(start, end);
    let content: string;
    try {
      content = zlib.inflateSync(body).toString('latin1');
    } catch {
      content = body.toString('latin1');
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      // Strings are hex; numbers between them move the pen (thousandths of an em): kerning is small,
      // a word gap of justified text (drawn without the space glyph) is at least a space wide.
      let line = '';
      for (const tok of (tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>|(-?[0-9.]+)/g)) {
        if (tok[1] !== undefined) line += Buffer.from(tok[1], 'hex').toString('latin1');
        else if (Number(tok[2]) <= -200) line += ' ';
      }
      out.push(line);
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out.join('\n');
}
