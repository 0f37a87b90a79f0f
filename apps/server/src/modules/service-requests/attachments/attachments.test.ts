import { describe, expect, it } from 'vitest';
import { acceptedMediaType, sniffMediaType } from './media-type.js';
import { checkAttachment, decodeBase64 } from './validate-attachment.js';
import { AppError } from '../../../http/app-error.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode', 'latin1');

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, details: e.details };
    throw e;
  }
  return null;
};

describe('media type sniffing', () => {
  it('recognises PDF, JPEG and PNG by their first bytes and nothing else', () => {
    expect(sniffMediaType(PDF)).toBe('application/pdf');
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(JPEG)).toBe('image/jpeg');
    expect(sniffMediaType(EXE)).toBeNull();
    expect(sniffMediaType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });

  it('normalises the declared type and refuses the others', () => {
    expect(acceptedMediaType('Application/PDF; charset=binary')).toBe('application/pdf');
    expect(acceptedMediaType('image/jpg')).toBe('image/jpeg');
    expect(acceptedMediaType('application/x-msdownload')).toBeNull();
    expect(acceptedMediaType('image/gif')).toBeNull();
  });
});

describe('base64', () => {
  it('decodes standard base64 and refuses garbage that Buffer.from would accept silently', () => {
    expect(decodeBase64(PDF.toString('base64'))?.equals(PDF)).toBe(true);
    expect(decodeBase64(`${PDF.toString('base64').slice(0, 8)}\n${PDF.toString('base64').slice(8)}`)?.equals(PDF)).toBe(true);
    expect(decodeBase64('not base64!!')).toBeNull();
    expect(decodeBase64('abc')).toBeNull();
    expect(decodeBase64('')).toBeNull();
  });
});

describe('checkAttachment', () => {
  const input = (bytes: Buffer, mediaType: string) => ({ filename: 'f', mediaType, contentBase64: bytes.toString('base64') });

  it('accepts a PDF and computes its SHA-256', () => {
    const c = checkAttachment(input(PDF, 'application/pdf'), 'attachments.0', 1024);
    expect(c.mediaType).toBe('application/pdf');
    expect(c.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(c.bytes.equals(PDF)).toBe(true);
  });

  it('refuses with a stable key and field path: bad base64, too big, wrong type, spoofed content', () => {
    expect(problem(() => checkAttachment({ filename: 'f', mediaType: 'application/pdf', contentBase64: '!!!!' }, 'attachments.0', 1024))).toEqual({
      status: 422, details: [{ path: 'attachments.0.contentBase64', message: 'base64_non_valido' }],
    });
    expect(problem(() => checkAttachment(input(PDF, 'application/pdf'), 'attachments.1', PDF.length - 1))?.details).toEqual([
      { path: 'attachments.1.contentBase64', message: 'file_troppo_grande' },
    ]);
    expect(problem(() => checkAttachment(input(PDF, 'application/pdf'), 'a.0', PDF.length))).toBeNull();
    expect(problem(() => checkAttachment(input(EXE, 'application/x-msdownload'), 'a.0', 1024))?.details).toEqual([{ path: 'a.0.mediaType', message: 'tipo_file_non_ammesso' }]);
    expect(problem(() => checkAttachment(input(EXE, 'application/pdf'), 'a.0', 1024))?.details).toEqual([{ path: 'a.0.contentBase64', message: 'contenuto_non_corrisponde_al_tipo' }]);
    expect(problem(() => checkAttachment(input(PNG, 'image/jpeg'), 'a.0', 1024))?.details).toEqual([{ path: 'a.0.contentBase64', message: 'contenuto_non_corrisponde_al_tipo' }]);
  });
});
