import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../http/app-error.js';
import type { CheckedAttachment } from './validate-attachment.js';

const SCAN_TIMEOUT_MS = 120_000;

/**
 * Runs the configured virus scanner (SISO_ATTACHMENT_SCAN_COMMAND, e.g. `clamdscan --no-summary
 * --fdpass`) on one file: the bytes go to a private temp file whose path is the command's last
 * argument. Exit 0 = clean, 1 = infected (the ClamAV convention) → 422 file_infetto; anything else
 * (scanner down, timeout) → 503, so an unscanned file is never saved when scanning is configured
 * (OWASP File Upload Cheat Sheet). Without a command the file is stored as `not_scanned`.
 *
 * The command is split on spaces (no shell, no quoting): arguments cannot be injected through it.
 */
export async function scanAttachment(command: string | null, file: CheckedAttachment): Promise<'clean' | 'not_scanned'> {
  if (!command) return 'not_scanned';
  const [program, ...args] = command.split(/\s+/).filter(Boolean);
  if (!program) return 'not_scanned';
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'siso-scan-'));
  try {
    const target = path.join(dir, 'upload');
    await fs.writeFile(target, file.bytes, { mode: 0o600 });
    const code = await new Promise<number | null>((resolve) => {
      execFile(program, [...args, target], { timeout: SCAN_TIMEOUT_MS, windowsHide: true }, (err) => {
        if (!err) return resolve(0);
        const c = (err as { code?: unknown }).code;
        resolve(typeof c === 'number' ? c : null);
      });
    });
    if (code === 0) return 'clean';
    if (code === 1) throw new AppError('precondition_failed', [{ path: `${file.path}.contentBase64`, message: 'file_infetto' }]);
    throw new AppError('service_unavailable', [{ path: `${file.path}.contentBase64`, message: 'scansione_non_disponibile' }], `attachment scan failed with exit ${String(code)}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
