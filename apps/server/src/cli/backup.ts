/**
 * `npm run backup`: a compressed copy of the embedded database in SISO_DATA_DIR/backups.
 * If SISO is running, the running server takes the copy (it owns the data directory): this command
 * queues the `system.backup` job through the database and waits for it. Otherwise it opens the
 * directory itself. On PostgreSQL it explains how to use pg_dump instead.
 */
import { sql } from 'kysely';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { enqueueViaOutbox } from '../jobs/outbox.js';
import { writeEmbeddedBackup } from '../backup/write-backup.js';

const config = loadConfig();
if (config.databaseUrl) {
  console.error('Con PostgreSQL usare pg_dump (vedi docs/backup-restore.md).');
  process.exit(1);
}
const database = await openDatabase(config);
try {
  if (database.ownsEmbedded) {
    const { file, bytes } = await writeEmbeddedBackup(database, config.dataDir);
    console.log(`backup scritto: ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
  } else {
    const runId = await database.db.transaction().execute((tx) => enqueueViaOutbox(tx, 'system.backup', {}, { trigger: 'manual' }));
    console.log('SISO è in esecuzione: backup richiesto al server…');
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const run = await sql<{ status: string; result: { file?: string } | null; error: string | null }>`
        SELECT status, result, error FROM job_run WHERE id = ${runId}`.execute(database.db);
      const r = run.rows[0];
      if (r?.status === 'succeeded') {
        console.log(`backup scritto: ${r.result?.file}`);
        break;
      }
      if (r?.status === 'failed') throw new Error(`backup non riuscito: ${r.error}`);
    }
  }
} finally {
  await database.close();
}
