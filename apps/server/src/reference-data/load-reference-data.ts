/**
 * Loads the vendored reference data (data/reference/, see SOURCES.md) into the ref_* tables of
 * migration 0002. Re-runnable: each dataset (one file) runs in its own transaction and is skipped
 * when its SHA-256 and mapping version match ref_dataset; otherwise its rows are upserted in
 * batches and rows no longer in the file are deleted. Safe to call at every start-up.
 */
import type pg from 'pg';
import { defaultDataDir, readRaw } from './csv.js';
import type { Dataset } from './dataset.js';
import { comuniDataset } from './load-comuni.js';
import { codeListDatasets } from './load-code-lists.js';
import { statiEsteriDataset } from './load-stati-esteri.js';
import { serviceCatalogueDataset } from './load-service-catalogue.js';

export const referenceDatasets: readonly Dataset[] = [comuniDataset, statiEsteriDataset, ...codeListDatasets, serviceCatalogueDataset];

export interface LoadReferenceDataOptions {
  /** Reload even when a file is unchanged. */
  force?: boolean;
  log?: (msg: string) => void;
  /** Override the data directory (tests); default `<repo>/data/reference/`. */
  dataDir?: URL;
}

export interface DatasetLoadResult {
  name: string;
  rows: number;
  skipped: boolean;
}

// Arbitrary constant: serialises loaders of two processes starting together.
const REFERENCE_DATA_LOCK = 7_352_002;

interface Stored {
  sha256: string;
  loader_version: number;
  row_count: number;
}

export async function loadReferenceData(pool: pg.Pool, opts: LoadReferenceDataOptions = {}): Promise<DatasetLoadResult[]> {
  const dataDir = opts.dataDir ?? defaultDataDir;
  const log = opts.log ?? (() => undefined);
  const results: DatasetLoadResult[] = [];
  const client = await pool.connect();
  try {
    // One read up front: at start-up, when nothing changed, no transaction is opened at all.
    const { rows } = await client.query<Stored & { name: string }>(
      'SELECT name, sha256, loader_version, row_count FROM ref_dataset',
    );
    const stored = new Map(rows.map((r) => [r.name, r]));
    for (const ds of referenceDatasets) {
      const raw = readRaw(dataDir, ds.file);
      const before = stored.get(ds.name);
      if (!opts.force && before && unchanged(before, raw.sha256, ds)) {
        results.push({ name: ds.name, rows: before.row_count, skipped: true });
        continue;
      }
      const started = Date.now();
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [REFERENCE_DATA_LOCK]);
        // Another process may have loaded it while we waited for the lock.
        const again = await client.query<Stored>(
          'SELECT sha256, loader_version, row_count FROM ref_dataset WHERE name = $1',
          [ds.name],
        );
        const now = again.rows[0];
        if (!opts.force && now && unchanged(now, raw.sha256, ds)) {
          await client.query('COMMIT');
          results.push({ name: ds.name, rows: now.row_count, skipped: true });
          continue;
        }
        const count = await ds.load(client, raw);
        await client.query(
          `INSERT INTO ref_dataset (name, source_file, sha256, loader_version, row_count, loaded_at)
           VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (name) DO UPDATE SET source_file = EXCLUDED.source_file, sha256 = EXCLUDED.sha256,
             loader_version = EXCLUDED.loader_version, row_count = EXCLUDED.row_count, loaded_at = now()`,
          [ds.name, ds.file, raw.sha256, ds.version, count],
        );
        await client.query('COMMIT');
        results.push({ name: ds.name, rows: count, skipped: false });
        log(`${ds.name}: ${count} rows (${Date.now() - started} ms)`);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }
  } finally {
    client.release();
  }
  return results;
}

function unchanged(s: Stored, sha256: string, ds: Dataset): boolean {
  return s.sha256 === sha256 && s.loader_version === ds.version;
}

/** What is loaded, from ref_dataset: one row per dataset, by name. */
export async function referenceDataSummary(pool: pg.Pool): Promise<Array<{ name: string; rows: number }>> {
  const { rows } = await pool.query<{ name: string; rows: number }>(
    'SELECT name, row_count AS rows FROM ref_dataset ORDER BY name',
  );
  return rows;
}
