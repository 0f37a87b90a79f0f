import crypto from 'node:crypto';
import { defaultPermissions } from '../access/policies.js';
import { profileCodes } from '../access/profiles.js';
import { readMigrations } from '../db/migrate.js';
import { defaultDataDir, readRaw } from '../reference-data/csv.js';
import { referenceDatasets } from '../reference-data/load-reference-data.js';

/**
 * What a start would apply to the database — migrations, vendored code lists, the demo seed's and the
 * built-in templates' permissions — summed up in one hash. A start whose hash equals the one the last
 * complete start recorded skips all of it with one query (issue 11: later starts ≤ 3 s); any change
 * (a new migration, an edited code list, a new action in a policy table, SISO_DEMO) runs the whole
 * preparation, which is re-runnable as before.
 *
 * The hash lives in a table of its own, created on demand like schema_migration, outside the
 * numbered migrations: it describes the migrations rather than being one of them.
 */
export function startFingerprint(opts: { demo: boolean }): string {
  const hash = crypto.createHash('sha256');
  for (const m of readMigrations()) hash.update(`migration ${m.name} ${m.checksum}\n`);
  for (const ds of referenceDatasets) hash.update(`dataset ${ds.name} ${ds.version} ${readRaw(defaultDataDir, ds.file).sha256}\n`);
  for (const code of profileCodes) hash.update(`profile ${code} ${defaultPermissions(code).join(',')}\n`);
  hash.update(`demo ${opts.demo}\n`);
  return hash.digest('hex');
}
