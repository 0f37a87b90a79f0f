/**
 * `npm run restore -- <backup.tar.gz>`: replaces the embedded database with a backup. SISO must be
 * stopped. The current data directory is kept aside (pglite.before-restore-<time>), never deleted.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { loadConfig } from '../config/config.js';
import { embeddedLocation, lockOwner } from '../db/embedded.js';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('Uso: npm run restore -- <file di backup .tar.gz>');
  process.exit(2);
}
const config = loadConfig();
const loc = embeddedLocation(config.dataDir);
const owner = lockOwner(loc);
if (owner !== null) {
  console.error(`SISO è in esecuzione (pid ${owner}): fermarlo prima del ripristino.`);
  process.exit(1);
}
if (fs.existsSync(loc.pgDataDir)) {
  const aside = `${loc.pgDataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`;
  fs.renameSync(loc.pgDataDir, aside);
  console.log(`dati attuali spostati in ${aside}`);
}
const db = await PGlite.create(loc.pgDataDir, {
  loadDataDir: new Blob([fs.readFileSync(file)]),
  extensions: { btree_gin, pg_trgm, unaccent },
});
const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration');
await db.close();
console.log(`ripristino completato (${r.rows[0]?.n ?? 0} migrazioni presenti)`);
