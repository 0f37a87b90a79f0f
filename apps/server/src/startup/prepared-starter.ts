import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { ensureStarter, initialised, preparedDir, starterCacheDir } from '../db/pglite-starter.js';
import { loadReferenceData } from '../reference-data/load-reference-data.js';

/**
 * Makes the prepared starter of this checkout's migrations (db/pglite-starter.ts) when it is missing:
 * the starter copied into a private directory, migrated and loaded with the code lists through the
 * ordinary embedded database, closed, then renamed into place; prepared starters of other migrations
 * are removed. Run by `npm install` (scripts/postinstall.mjs), so the server's first start on a new
 * data directory copies it instead of running the migrations and loading ~20,000 comuni (issue 11).
 * No demo seed: that depends on the configuration and stays the first start's work.
 */
export async function ensurePreparedStarter(cacheRoot: string = starterCacheDir): Promise<{ dir: string; made: boolean }> {
  const dir = preparedDir(cacheRoot);
  if (initialised(dir)) return { dir, made: false };
  await ensureStarter(cacheRoot);
  const work = path.join(cacheRoot, `prepare.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  try {
    const database = await openDatabase({ dataDir: work, databaseUrl: undefined, poolMax: 2 });
    try {
      await migrate(database.pool);
      await loadReferenceData(database.pool);
    } finally {
      await database.close();
    }
    fs.renameSync(path.join(work, 'pglite'), dir);
  } catch (err) {
    // Another process put its prepared starter there first: use that one.
    if (!initialised(dir)) throw err;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const base = path.basename(dir).replace(/-prepared-.*$/, '-prepared-');
  for (const other of fs.readdirSync(cacheRoot)) {
    if (other.startsWith(base) && other !== path.basename(dir)) fs.rmSync(path.join(cacheRoot, other), { recursive: true, force: true });
  }
  return { dir, made: true };
}
