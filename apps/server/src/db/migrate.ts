import crypto from 'node:crypto';
import fs from 'node:fs';
import type pg from 'pg';

/**
 * Forward-only, numbered, plain-SQL migrations (`NNNN_name.sql`). Each file runs in its own
 * transaction; its SHA-256 is recorded, and a changed file that was already applied stops the
 * start-up: history is never rewritten, a fix is a new migration.
 */
export interface MigrationFile {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

export const migrationsDir = new URL('./migrations/', import.meta.url);

export function readMigrations(dir: URL = migrationsDir): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(new URL(file, dir), 'utf8');
      return {
        id: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationChecksumError extends Error {}

export interface MigrateResult {
  applied: string[];
  total: number;
}

// Arbitrary constant: serialises concurrent `migrate` runs (two app instances starting together).
const MIGRATION_LOCK = 7_352_001;

export async function migrate(pool: pg.Pool, files: MigrationFile[] = readMigrations()): Promise<MigrateResult> {
  const client = await pool.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      id integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    // One read first: when every file is applied with its checksum (a later start, a prepared starter),
    // no transaction is opened at all. Anything else (a new file, an edited one) takes the path below.
    const known = await client.query<{ id: number; checksum: string }>('SELECT id, checksum FROM schema_migration');
    const checksums = new Map(known.rows.map((r) => [r.id, r.checksum]));
    if (files.every((f) => checksums.get(f.id) === f.checksum)) return { applied: [], total: files.length };
    const applied: string[] = [];
    for (const file of files) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        const done = await client.query<{ checksum: string }>('SELECT checksum FROM schema_migration WHERE id = $1', [file.id]);
        const row = done.rows[0];
        if (row) {
          if (row.checksum !== file.checksum) {
            throw new MigrationChecksumError(
              `La migrazione ${file.name} è stata modificata dopo l'applicazione (checksum diverso): ` +
                'le migrazioni non si modificano, se ne aggiunge una nuova.',
            );
          }
          await client.query('COMMIT');
          continue;
        }
        await client.query(file.sql);
        await client.query('INSERT INTO schema_migration (id, name, checksum) VALUES ($1, $2, $3)', [
          file.id,
          file.name,
          file.checksum,
        ]);
        await client.query('COMMIT');
        applied.push(file.name);
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return { applied, total: files.length };
  } finally {
    client.release();
  }
}
