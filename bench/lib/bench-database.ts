/**
 * Where a benchmark keeps its generated data between runs: a PostgreSQL database and a PGlite data
 * directory, each tagged with a fingerprint of what built it (migrations, loaders, volumes) and
 * rebuilt when the fingerprint differs. Shared by bench/person-search and bench/intake.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The stored fingerprint of a bench database: table `meta` (key 'fingerprint'), or null when absent. */
export async function readFingerprint(pool: pg.Pool | pg.Client, meta: string): Promise<string | null> {
  if (!/^[a-z_][a-z0-9_]*$/.test(meta)) throw new Error(`bench meta table "${meta}"`);
  const t = await pool.query<{ t: string | null }>(`SELECT to_regclass('${meta}')::text AS t`);
  if (!t.rows[0]?.t) return null;
  return (await pool.query<{ value: string }>(`SELECT value FROM ${meta} WHERE key = 'fingerprint'`)).rows[0]?.value ?? null;
}

/** Creates the database of `url`, or drops and recreates it when it was built with another fingerprint. */
export async function ensurePgDatabase(
  url: string,
  want: string,
  stored: (client: pg.Client) => Promise<string | null>,
  log: (m: string) => void,
): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name "${name}"`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists) {
      const probe = new pg.Client({ connectionString: url });
      probe.on('error', () => undefined);
      await probe.connect();
      const have = await stored(probe).finally(() => probe.end());
      if (have === want) return;
      log(`${name}: built for another scale or schema (${have ?? 'incomplete'}), rebuilding`);
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/** PGlite: a data directory per fingerprint under the system temp directory; older ones are removed. */
export function pgliteDir(bench: string, want: string): string {
  const parent = path.join(os.tmpdir(), `siso-bench-${bench}`);
  const dir = path.join(parent, `pglite-${want}`);
  fs.mkdirSync(parent, { recursive: true });
  for (const d of fs.readdirSync(parent)) if (path.join(parent, d) !== dir) fs.rmSync(path.join(parent, d), { recursive: true, force: true });
  return dir;
}
