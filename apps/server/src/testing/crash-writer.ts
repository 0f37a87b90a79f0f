/**
 * Child process of the crash-recovery test: opens the embedded database and commits one row per
 * transaction, printing each committed id, until it is killed with SIGKILL.
 */
import { sql } from 'kysely';
import { openDatabase } from '../db/database.js';

const dataDir = process.argv[2]!;
const database = await openDatabase({ dataDir, databaseUrl: undefined, poolMax: 4 });
await sql`CREATE TABLE IF NOT EXISTS crash_probe (id int PRIMARY KEY, payload text NOT NULL)`.execute(database.db);
process.stdout.write('ready\n');
for (let id = 1; ; id++) {
  await database.db.transaction().execute(async (tx) => {
    await sql`INSERT INTO crash_probe VALUES (${id}, ${'x'.repeat(2000)})`.execute(tx);
  });
  process.stdout.write(`committed ${id}\n`);
}
