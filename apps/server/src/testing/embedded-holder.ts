/**
 * Child process of the embedded-owner test: opens the embedded database of the directory it is given
 * (so it owns it, as a running server would), prints "ready", and closes it cleanly on SIGTERM.
 */
import { openDatabase } from '../db/database.js';

const database = await openDatabase({ dataDir: process.argv[2]!, databaseUrl: undefined, poolMax: 2 });
// The PGlite worker is unref'd and the pool idle: without a timer the process would end here, leaving
// a stale lock instead of a live owner.
const alive = setInterval(() => undefined, 60_000);
process.on('SIGTERM', () => {
  clearInterval(alive);
  void database.close().then(() => process.exit(0));
});
process.stdout.write('ready\n');
