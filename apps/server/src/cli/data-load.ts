/**
 * `npm run data:load [-- --force]`: loads the vendored reference data (data/reference/) into the
 * ref_* tables and prints what each dataset holds. Exits non-zero on any error.
 */
import pg from 'pg';
import { loadReferenceData } from '../reference-data/load-reference-data.js';

/** The one place that opens the database (to be replaced by the app's pool factory). */
function createPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL non impostato (es. postgres://postgres@127.0.0.1:5432/siso)');
  return new pg.Pool({ connectionString: url, max: 2 });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--force');
  if (unknown.length > 0) throw new Error(`opzioni sconosciute: ${unknown.join(' ')} (uso: data-load [--force])`);
  const pool = createPool();
  try {
    const started = Date.now();
    const results = await loadReferenceData(pool, { force: args.includes('--force') });
    const width = Math.max(...results.map((r) => r.name.length));
    for (const r of results) {
      console.log(`${r.name.padEnd(width)}  ${String(r.rows).padStart(6)}  ${r.skipped ? 'invariato' : 'caricato'}`);
    }
    const loaded = results.filter((r) => !r.skipped).length;
    console.log(`${results.length} dataset, ${loaded} caricati, ${Date.now() - started} ms`);
  } finally {
    await pool.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
