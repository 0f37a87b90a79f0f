import crypto from 'node:crypto';
import type pg from 'pg';
import { defaultPermissions } from '../access/policies.js';
import { profileCodes } from '../access/profiles.js';
import { readMigrations } from '../db/migrate.js';
import { defaultDataDir, readRaw } from '../reference-data/csv.js';
import { referenceDatasets } from '../reference-data/load-reference-data.js';

/**
 * What a start would apply to the database — migrations, vendored code lists, the demo seed's and the
 * built-in templates' permissions — summed up in one hash. A start whose hash equals the one the last
 * complete start recorded skips all of it with one query (issue 11: later starts ≤ 3 s); any change
 * (a new migration, an edited code list, a new action in a policy table, SISO_DEMO) runs the whole
 * preparation, which is re-runnable as before.
 *
 * The hash lives in a table of its own, created on demand like schema_migration, outside the
 * numbered migrations: it describes the migrations rather than being one of them.
 */
export function startFingerprint(opts: { demo: boolean }): string {
  const hash = crypto.createHash('sha256');
  for (const m of readMigrations()) hash.update(`migration ${m.name} ${m.checksum}\n`);
  for (const ds of referenceDatasets) hash.update(`dataset ${ds.name} ${ds.version} ${readRaw(defaultDataDir, ds.file).sha256}\n`);
  for (const code of profileCodes) hash.update(`profile ${code} ${defaultPermissions(code).join(',')}\n`);
  hash.update(`demo ${opts.demo}\n`);
  return hash.digest('hex');
}

const UNDEFINED_TABLE = '42P01';

/** The hash recorded by the last complete start, or null (never recorded, or an older database). */
export async function storedFingerprint(pool: pg.Pool): Promise<string | null> {
  try {
    const r = await pool.query<{ fingerprint: string }>('SELECT fingerprint FROM start_fingerprint');
    return r.rows[0]?.fingerprint ?? null;
  } catch (err) {
    if ((err as { code?: string }).code === UNDEFINED_TABLE) return null;
    throw err;
  }
}

/** Records the hash once migrations, code lists and seed are all in place. */
export async function recordFingerprint(pool: pg.Pool, fingerprint: string): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS start_fingerprint (
      id boolean PRIMARY KEY DEFAULT true CHECK (id), fingerprint text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
  await pool.query(
    `INSERT INTO start_fingerprint (fingerprint) VALUES ($1)
     ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, recorded_at = now()`,
    [fingerprint],
  );
}
