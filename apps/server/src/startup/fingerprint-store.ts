import type pg from 'pg';

/**
 * Where the start fingerprint (start-fingerprint.ts) is kept. A module of its own, with nothing but the
 * driver: main.ts reads the stored value as soon as the database is open, while the rest of the code
 * is still loading.
 */
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
