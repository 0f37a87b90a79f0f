import crypto from 'node:crypto';
import type { z } from 'zod';
import type { attachmentInput } from '@siso/shared';
import { AppError } from '../../../http/app-error.js';
import { acceptedMediaType, sniffMediaType, type AttachmentMediaType } from './media-type.js';

export type AttachmentInput = z.output<typeof attachmentInput>;

/** A file that passed decoding, size and type checks, ready to scan and store. */
export interface CheckedAttachment {
  filename: string;
  mediaType: AttachmentMediaType;
  bytes: Buffer;
  sha256: string;
  /** Field path of the file in the request ("attachments.0"), for errors raised later (scan). */
  path: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard base64 (RFC 4648 §4), whitespace tolerated; null when malformed (Buffer.from would silently skip bad characters). */
export function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

/**
 * Decodes and checks one file: valid base64, not empty, at most `maxBytes`, a declared type among
 * PDF/JPEG/PNG and content whose signature matches the declared type. Throws 422 with the field path.
 */
export function checkAttachment(input: AttachmentInput, path: string, maxBytes: number): CheckedAttachment {
  const bytes = decodeBase64(input.contentBase64);
  if (!bytes || bytes.length === 0) throw new AppError('precondition_failed', [{ path: `${path}.contentBase64`, message: 'base64_non_valido' }]);
  if (bytes.length > maxBytes) throw new AppError('precondition_failed', [{ path: `${path}.contentBase64`, message: 'file_troppo_grande' }]);
  const declared = acceptedMediaType(input.mediaType);
  if (!declared) throw new AppError('precondition_failed', [{ path: `${path}.mediaType`, message: 'tipo_file_non_ammesso' }]);
  if (sniffMediaType(bytes) !== declared) {
    throw new AppError('precondition_failed', [{ path: `${path}.contentBase64`, message: 'contenuto_non_corrisponde_al_tipo' }]);
  }
  return { filename: input.filename, mediaType: declared, bytes, sha256: sha256Hex(bytes), path };
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
