import { attachmentMediaTypes } from '@siso/shared';

export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

/**
 * The file's real type from its first bytes (magic numbers: PDF 1.7 / ISO 32000-1 §7.5.2 "%PDF-",
 * JPEG/JFIF SOI marker FF D8 FF, PNG signature 89 50 4E 47 0D 0A 1A 0A from RFC 2083 §12.12), or null.
 * The declared type is never trusted alone: a renamed executable must not pass as a PDF (OWASP
 * File Upload Cheat Sheet, "File signature validation").
 */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  const starts = (sig: readonly number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** The declared media type, normalised (case, parameters, the common "image/jpg" alias), if it is an accepted one. */
export function acceptedMediaType(declared: string): AttachmentMediaType | null {
  const base = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  const normal = base === 'image/jpg' || base === 'image/pjpeg' ? 'image/jpeg' : base;
  return (attachmentMediaTypes as readonly string[]).includes(normal) ? (normal as AttachmentMediaType) : null;
}
