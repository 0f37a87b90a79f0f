import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';

/** Writes a backup of the embedded database to SISO_DATA_DIR/backups (mode 0600: it holds personal data). */
export async function writeEmbeddedBackup(database: Database, dataDir: string): Promise<{ file: string; bytes: number }> {
  if (!database.dumpEmbedded) throw new Error('backup available only in the process that runs the embedded database');
  const data = await database.dumpEmbedded();
  const dir = path.join(dataDir, 'backups');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const file = path.join(dir, `siso-${stamp}.tar.gz`);
  fs.writeFileSync(file, data, { mode: 0o600 });
  return { file, bytes: data.byteLength };
}
