/**
 * `npm run data:load [-- --force]`: loads the vendored reference data (data/reference/) into the
 * ref_* tables and prints what each dataset holds. Exits non-zero on any error.
 */
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { loadReferenceData } from '../reference-data/load-reference-data.js';


async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--force');
  if (unknown.length > 0) throw new Error(`opzioni sconosciute: ${unknown.join(' ')} (uso: data-load [--force])`);
  // The app's pool factory: the embedded database (or the running server's socket) or DATABASE_URL.
  const database = await openDatabase(loadConfig());
  const pool = database.pool;
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
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
