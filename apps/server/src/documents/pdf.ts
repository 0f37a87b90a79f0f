import type { DocumentHeader } from './document-header.js';
import { romeDateTime } from './rome-time.js';

/** One block of a document: a heading, then label/value rows and/or paragraphs of running text. */
export interface PdfSection {
  heading: string;
  rows?: Array<{ label: string; value: string }>;
  paragraphs?: string[];
  /** Choice lines drawn with boxes to tick by hand ("[ ] Sì   [ ] No"). */
  choices?: Array<{ label: string; options: string[] }>;
  /** Signature lines (label under a line to sign on). */
  signatures?: string[];
}

export interface PdfDocumentSpec {
  header: DocumentHeader;
  title: string;
  subtitle?: string;
  sections: PdfSection[];
  /** Written in the footer of every page; defaults to now. */
  generatedAt?: Date;
}

const MARGIN = 50;
const LABEL_WIDTH = 170;

/**
 * An A4 Italian document with the ente's letterhead, a title, sections and "Pagina n di m" with the
 * generation time (Europe/Rome) on every page. The built-in Helvetica uses WinAnsi encoding, which
 * covers Italian accented letters; characters outside it are replaced rather than dropped silently.
 */
export async function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  // Loaded at the first print, not at start-up (with its fonts and compression: issue 11, bench/platform).
  const { default: PDFDocument } = await import('pdfkit');
  const generatedAt = spec.generatedAt ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: spec.title, Author: spec.header.enteName, Creator: 'SISO' },
    lang: 'it-IT',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  // Letterhead.
  doc.font('Helvetica-Bold').fontSize(13).text(winAnsi(spec.header.enteName), { width });
  doc.font('Helvetica').fontSize(9);
  if (spec.header.ambitoName) doc.text(winAnsi(spec.header.ambitoName), { width });
  doc.text(winAnsi(spec.header.officeName), { width });
  if (spec.header.contacts.length > 0) doc.text(winAnsi(spec.header.contacts.join(' · ')), { width });
  doc.moveDown(0.3);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).stroke();
  doc.moveDown(1);

  doc.font('Helvetica-Bold').fontSize(15).text(winAnsi(spec.title), { width, align: 'center' });
  if (spec.subtitle) doc.font('Helvetica').fontSize(10).text(winAnsi(spec.subtitle), { width, align: 'center' });
  doc.moveDown(1);

  for (const s of spec.sections) {
    ensureSpace(doc, 60);
    doc.font('Helvetica-Bold').fontSize(11).text(winAnsi(s.heading), MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    doc.fontSize(9.5);
    for (const r of s.rows ?? []) {
      const value = winAnsi(r.value === '' ? '—' : r.value);
      const h = Math.max(
        doc.font('Helvetica-Bold').heightOfString(winAnsi(r.label), { width: LABEL_WIDTH - 8 }),
        doc.font('Helvetica').heightOfString(value, { width: width - LABEL_WIDTH }),
      );
      ensureSpace(doc, h + 4);
      const y = doc.y;
      doc.font('Helvetica-Bold').text(winAnsi(r.label), MARGIN, y, { width: LABEL_WIDTH - 8 });
      doc.font('Helvetica').text(value, MARGIN + LABEL_WIDTH, y, { width: width - LABEL_WIDTH });
      doc.y = y + h + 3;
    }
    for (const p of s.paragraphs ?? []) {
      doc.font('Helvetica').text(winAnsi(p), MARGIN, doc.y, { width, align: 'justify' });
      doc.moveDown(0.4);
    }
    for (const c of s.choices ?? []) {
      ensureSpace(doc, 30);
      doc.font('Helvetica').text(winAnsi(c.label), MARGIN, doc.y, { width });
      const y = doc.y + 3;
      let x = MARGIN + 10;
      for (const o of c.options) {
        doc.rect(x, y, 10, 10).lineWidth(0.7).stroke();
        doc.text(winAnsi(o), x + 15, y + 1, { lineBreak: false });
        x += 80;
      }
      doc.x = MARGIN;
      doc.y = y + 20;
    }
    for (const sig of s.signatures ?? []) {
      ensureSpace(doc, 50);
      doc.moveDown(1.5);
      doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + 250, doc.y).lineWidth(0.5).stroke();
      doc.moveDown(0.2);
      doc.font('Helvetica').fontSize(8.5).text(winAnsi(sig), MARGIN, doc.y, { width: 300 });
      doc.fontSize(9.5);
    }
    doc.moveDown(0.8);
  }

  // Footer on every page: page n of m and when the document was generated.
  const range = doc.bufferedPageRange();
  const footer = `Documento generato il ${romeDateTime(generatedAt)}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN;
    // Writing below the bottom margin would add a page: lift the margin while drawing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8);
    doc.text(winAnsi(footer), MARGIN, y, { width: width / 2, lineBreak: false });
    doc.text(`Pagina ${i - range.start + 1} di ${range.count}`, MARGIN + width / 2, y, { width: width / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * Characters the standard fonts' WinAnsi encoding lacks (e.g. Greek, Cyrillic, CJK in foreign names)
 * become "?" so the printout shows something is there; accented Latin letters pass unchanged.
 */
export function winAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- the allowed set is printable Latin-1 plus the WinAnsi extras
  return text.normalize('NFC').replace(/[^\u0009\u000a\u000d\u0020-\u007e\u00a0-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '?');
}
