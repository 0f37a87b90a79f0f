import fs from 'node:fs/promises';
import type { Config } from '../../../config/config.js';
import { AppError } from '../../../http/app-error.js';
import { attachmentPath } from './store-attachments.js';
import { sha256Hex } from './validate-attachment.js';

/**
 * The bytes of a stored attachment. Files kept in SISO_ATTACHMENT_DIR are checked against the
 * SHA-256 recorded at upload: a file changed or swapped on disk is an integrity incident (GDPR art.
 * 32(1)(b)), answered 500 and logged, never served.
 */
export async function readAttachmentBytes(
  config: Config,
  row: { id: string; storage: string; content: Buffer | null; sha256: string },
  log: { error(obj: object, msg: string): void },
): Promise<Buffer> {
  if (row.storage === 'database') {
    if (!row.content) throw new AppError('internal', [], `attachment ${row.id} has no content`);
    return row.content;
  }
  const dir = config.attachments.dir;
  if (!dir) {
    log.error({ attachmentId: row.id }, 'attachment stored in a directory but SISO_ATTACHMENT_DIR is not set');
    throw new AppError('internal', [], 'attachment directory not configured');
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(attachmentPath(dir, row.id));
  } catch (err) {
    log.error({ attachmentId: row.id, err }, 'attachment file missing');
    throw new AppError('internal', [], 'attachment file missing');
  }
  if (sha256Hex(bytes) !== row.sha256) {
    log.error({ attachmentId: row.id }, 'attachment file does not match its recorded SHA-256 (integrity incident)');
    throw new AppError('internal', [], 'attachment hash mismatch');
  }
  return bytes;
}
