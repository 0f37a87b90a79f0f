/** `npm run migrate`: applies migrations and reloads changed code lists, on PGlite or PostgreSQL. */
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { prepareDatabase } from '../app.js';

const config = loadConfig();
const database = await openDatabase(config);
try {
  await prepareDatabase(database, (m) => console.log(m));
  console.log(`database ${database.kind} aggiornato`);
} finally {
  await database.close();
}
