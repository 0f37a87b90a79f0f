import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from './database.js';
import { migrate, readMigrations, MigrationChecksumError } from './migrate.js';
import { loadReferenceData } from '../reference-data/load-reference-data.js';
import { scratchPostgresDatabase } from '../testing/test-app.js';

/** An empty database on the backend under test (not the pre-migrated template). */
async function emptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const tpl = inject('sisoTemplate');
  if (tpl.kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-empty-'));
    const database = await openDatabase({ dataDir, databaseUrl: undefined, poolMax: 3 });
    return { database, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  return scratchPostgresDatabase(tpl.url);
}

let e: Awaited<ReturnType<typeof emptyDatabase>>;
beforeAll(async () => {
  e = await emptyDatabase();
});
afterAll(async () => {
  await e?.database.close();
  await e?.drop();
});

describe('migrations', () => {
  it('apply from empty, record each file, and apply nothing the second time', async () => {
    const files = readMigrations();
    const first = await migrate(e.database.pool);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await migrate(e.database.pool);
    expect(second.applied).toEqual([]);
    const rows = await e.database.db.selectFrom('schema_migration').select(['id', 'checksum']).orderBy('id').execute();
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
  });

  it('stop when an applied migration was edited afterwards', async () => {
    const files = readMigrations();
    const edited = files.map((f, i) => (i === 0 ? { ...f, sql: `${f.sql}\n-- edited`, checksum: 'x'.repeat(64) } : f));
    await expect(migrate(e.database.pool, edited)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it('create the search helpers every module relies on', async () => {
    const r = await sql<{ v: string }>`SELECT f_unaccent('Niccolò Forlì Cantù') AS v`.execute(e.database.db);
    expect(r.rows[0]!.v).toBe('Niccolo Forli Cantu');
  });
});

describe('reference data loader', () => {
  it('loads the vendored code lists, then skips unchanged files, and reloads on force without duplicates', async () => {
    const first = await loadReferenceData(e.database.pool);
    expect(first.every((d) => !d.skipped)).toBe(true);
    const byName = new Map(first.map((d) => [d.name, d.rows]));
    expect([...byName.values()].every((n) => n > 0)).toBe(true);
    const second = await loadReferenceData(e.database.pool);
    expect(second.every((d) => d.skipped)).toBe(true);
    const counts = async () =>
      (await sql<{ c: number; s: number; r: number }>`
        SELECT (SELECT count(*)::int FROM ref_comune) AS c, (SELECT count(*)::int FROM ref_stato_estero) AS s,
               (SELECT count(*)::int FROM ref_code) AS r`.execute(e.database.db)).rows[0]!;
    const before = await counts();
    const forced = await loadReferenceData(e.database.pool, { force: true });
    expect(forced.every((d) => !d.skipped)).toBe(true);
    expect(await counts()).toEqual(before);
    // Comuni keep their history: Città di Castello's Belfiore code C745 resolves today.
    const cdc = await sql<{ name: string }>`SELECT name FROM ref_comune WHERE belfiore = 'C745' AND valid_to IS NULL`.execute(e.database.db);
    expect(cdc.rows[0]?.name).toMatch(/CITT/);
    expect(before.c).toBeGreaterThan(7900);
  });
});
