// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { base64OfDataUrl, bytesOfBase64, readFileBase64 } from './fileBase64';

describe('base64 files', () => {
  it('takes the base64 part of a data URL', () => {
    expect(base64OfDataUrl('data:application/pdf;base64,JVBERi0=')).toBe('JVBERi0=');
    expect(base64OfDataUrl('nonsense')).toBe('');
  });

  it('reads a file as name, media type and base64 content', async () => {
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'referto.pdf', { type: 'application/pdf' });
    expect(await readFileBase64(file)).toEqual({ filename: 'referto.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0=' });
  });

  it('decodes base64 back into the same bytes', () => {
    expect([...bytesOfBase64('JVBERi0=')]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
  });
});
