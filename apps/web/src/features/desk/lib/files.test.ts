import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, isAcceptedAttachment } from './files';

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

  it('accepts PDF, JPEG and PNG only', () => {
    expect(['application/pdf', 'image/jpeg', 'image/png'].map((type) => isAcceptedAttachment({ type }))).toEqual([true, true, true]);
    expect(isAcceptedAttachment({ type: 'image/gif' })).toBe(false);
    expect(isAcceptedAttachment({ type: '' })).toBe(false);
  });
});
