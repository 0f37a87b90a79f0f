import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../db/database.js';
import { writeEmbeddedBackup } from './write-backup.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-bk-'));
  dirs.push(d);
  return d;
}

describe('backup and restore of the embedded database', () => {
  it('restores a backup into another data directory with its rows', async () => {
    const source = tempDir();
    const db1 = await openDatabase({ dataDir: source, databaseUrl: undefined, poolMax: 1 });
    await sql`CREATE TABLE schema_migration (id int)`.execute(db1.db);
    await sql`CREATE TABLE kept (v text)`.execute(db1.db);
    await sql`INSERT INTO kept VALUES ('salvato')`.execute(db1.db);
    const { file, bytes } = await writeEmbeddedBackup(db1, source);
    await db1.close();
    expect(bytes).toBeGreaterThan(1000);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const target = tempDir();
    execFileSync(process.execPath, ['--import', 'tsx', new URL('../cli/restore.ts', import.meta.url).pathname, file], {
      env: { ...process.env, SISO_DATA_DIR: target, NODE_ENV: 'test' },
      stdio: 'pipe',
    });
    const db2 = await openDatabase({ dataDir: target, databaseUrl: undefined, poolMax: 1 });
    try {
      const r = await sql<{ v: string }>`SELECT v FROM kept`.execute(db2.db);
      expect(r.rows).toEqual([{ v: 'salvato' }]);
    } finally {
      await db2.close();
    }
  });
});
