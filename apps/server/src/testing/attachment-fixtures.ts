import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** A small valid PDF (one empty page). */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A 1×1 PNG built from its chunks (RFC 2083): signature, IHDR, IDAT, IEND. */
export const PNG_BYTES = (() => {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
})();

/** The EICAR anti-virus test string (eicar.org): harmless, flagged by every scanner. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** A PDF-looking file carrying the EICAR string (passes the type check, fails the scan). */
export const INFECTED_PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR), Buffer.from('\n%%EOF\n')]);
/** A file the test scanner cannot scan (exit 2: scanner error). */
export const UNSCANNABLE_PDF = Buffer.from('%PDF-1.4\nSCANNER-BROKEN\n%%EOF\n');

/**
 * A stand-in virus scanner with ClamAV's exit codes: 1 when the file (last argument) contains the
 * EICAR string, 2 when it contains SCANNER-BROKEN, 0 otherwise.
 */
export function testScanCommand(): { command: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-scan-test-'));
  const script = path.join(dir, 'scan.sh');
  fs.writeFileSync(
    script,
    '#!/bin/sh\nfor f; do :; done\ngrep -q "SCANNER-BROKEN" "$f" && exit 2\ngrep -q "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" "$f" && exit 1\nexit 0\n',
    { mode: 0o700 },
  );
  return { command: `/bin/sh ${script}`, dir };
}

export const b64 = (b: Buffer) => b.toString('base64');
