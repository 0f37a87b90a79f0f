// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, fileToAttachment, isAcceptedAttachment } from './files';

describe('base64 helpers', () => {
  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const b64 = bytesToBase64(bytes);
    expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(bytes));
  });

  it('encodes as the standard alphabet (same as Node)', () => {
    const text = new TextEncoder().encode('Informativa firmata — è così');
    expect(bytesToBase64(text)).toBe(Buffer.from(text).toString('base64'));
  });

  it('encodes files larger than one slice', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('decodes a PDF header', () => {
    expect(new TextDecoder().decode(base64ToBytes(Buffer.from('%PDF-1.7').toString('base64')))).toBe('%PDF-1.7');
  });

  it('reads a picked file as name, media type and base64 content', async () => {
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'referto.pdf', { type: 'application/pdf' });
    expect(await fileToAttachment(file)).toEqual({ filename: 'referto.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0=' });
    const untyped = new File([new Uint8Array([1])], 'senza-tipo');
    expect((await fileToAttachment(untyped)).mediaType).toBe('application/octet-stream');
  });

  it('accepts PDF, JPEG and PNG only', () => {
    expect(['application/pdf', 'image/jpeg', 'image/png'].map((type) => isAcceptedAttachment({ type }))).toEqual([true, true, true]);
    expect(isAcceptedAttachment({ type: 'image/gif' })).toBe(false);
    expect(isAcceptedAttachment({ type: '' })).toBe(false);
  });
});
