import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrations } from './migrate.js';

/**
 * A new embedded data directory starts as a copy of a pre-initialised one (the "starter"), kept once
 * per installation and PGlite version under node_modules/.cache/siso/ (made by `npm install`, or else
 * by the first start that needs it). PGlite's initdb runs PostgreSQL's bootstrap in WebAssembly: 7–25 s
 * on two cores, most of a first start (issue 11); a copy of its result takes a fraction of a second.
 * The starter holds nothing but initdb's output (no extension, no schema, no data), so any SISO
 * version can start from it; migrations do the rest.
 */
export type DataDirOrigin = 'existing' | 'prepared' | 'starter' | 'initdb';

/** `<repo>/node_modules/.cache/siso`: made by `npm install` (scripts/postinstall.mjs) or by the first start. */
export const starterCacheDir = fileURLToPath(new URL('../../../../node_modules/.cache/siso/', import.meta.url));

/** The installed PGlite's version: a starter made by another version is never used. */
function pgliteVersion(): string {
  const entry = new URL(import.meta.resolve('@electric-sql/pglite'));
  const pkg = new URL('../package.json', entry);
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

export function starterDir(cacheRoot: string): string {
  return path.join(cacheRoot, `pglite-${pgliteVersion()}`);
}

/**
 * A prepared starter: the starter with every migration of this checkout applied and the code lists
 * loaded (startup/prepared-starter.ts makes it at `npm install`), for the server's first start on a new
 * directory. Keyed by the migrations it holds (names and checksums): another set of migrations (a pull,
 * another branch) never starts from it. The code lists are reconciled at start by their hashes anyway.
 */
export function preparedDir(cacheRoot: string): string {
  const hash = crypto.createHash('sha256');
  for (const m of readMigrations()) hash.update(`${m.name} ${m.checksum}\n`);
  return path.join(cacheRoot, `pglite-${pgliteVersion()}-prepared-${hash.digest('hex').slice(0, 16)}`);
}

export const initialised = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

/**
 * Makes the starter when it is missing: initdb into a private temporary directory, closed cleanly, then
 * renamed into place in one step, so a process that races us, or one killed halfway, never leaves a
 * half-made starter where another would copy it.
 */
export async function ensureStarter(cacheRoot: string = starterCacheDir): Promise<string> {
  const dir = starterDir(cacheRoot);
  if (initialised(dir)) return dir;
  fs.mkdirSync(cacheRoot, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    // Loaded here, not at the top: the main thread imports this module for starterCacheDir only.
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(tmp);
    await db.close();
    fs.renameSync(tmp, dir);
  } catch (err) {
    // Another process put its starter there first: use that one.
    if (!initialised(dir)) throw err;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

/**
 * Prepares `pgDataDir` before PGlite opens it: an initialised directory is left alone; an empty one
 * becomes a copy of the prepared starter when asked for (the server) and there is one for these
 * migrations, else of the starter. Without a usable cache (read-only installation) PGlite runs initdb
 * in place, as it always did.
 */
export async function prepareDataDir(pgDataDir: string, cacheRoot: string | null, usePrepared = false): Promise<DataDirOrigin> {
  if (initialised(pgDataDir)) return 'existing';
  if (cacheRoot === null) return 'initdb';
  const prepared = usePrepared ? preparedDir(cacheRoot) : null;
  if (prepared && initialised(prepared)) {
    fs.cpSync(prepared, pgDataDir, { recursive: true });
    return 'prepared';
  }
  let starter: string;
  try {
    starter = await ensureStarter(cacheRoot);
  } catch {
    return 'initdb';
  }
  fs.cpSync(starter, pgDataDir, { recursive: true });
  return 'starter';
}
