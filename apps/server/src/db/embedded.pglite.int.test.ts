import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from './database.js';
import { embeddedLocation, lockOwner } from './embedded.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-emb-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('embedded database (PGlite in a worker behind a Unix socket)', () => {
  it('keeps the socket in a private directory and lets a second handle share the running server', async () => {
    const dataDir = tempDir();
    const owner = await openDatabase({ dataDir, databaseUrl: undefined, poolMax: 2 });
    const loc = embeddedLocation(dataDir);
    expect(fs.statSync(loc.runDir).mode & 0o777).toBe(0o700);
    expect(fs.existsSync(path.join(loc.runDir, '.s.PGSQL.5432'))).toBe(true);
    expect(lockOwner(loc)).toBeNull(); // the lock belongs to this very process…
    expect(fs.existsSync(loc.lockFile)).toBe(true); // …and is kept
    await sql`CREATE TABLE shared_probe (v text)`.execute(owner.db);
    await sql`INSERT INTO shared_probe VALUES ('dal primo')`.execute(owner.db);
    // A second process would find the lock; here a second handle in another process plays that role.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      import pg from 'pg';
      const pool = new pg.Pool({ host: ${JSON.stringify(loc.socketDir)}, port: 5432, user: 'postgres', database: 'postgres' });
      const r = await pool.query('SELECT v FROM shared_probe');
      console.log(r.rows[0].v); await pool.end();`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    await new Promise((r) => child.on('exit', r));
    expect(out.trim()).toBe('dal primo');
    await owner.close();
    expect(fs.existsSync(loc.lockFile)).toBe(false);
  });

  it('loses no committed row when the process is killed with SIGKILL mid-write, and reopens cleanly', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('../testing/crash-writer.ts', import.meta.url).pathname, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lastCommitted = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the writer never committed 150 rows')), 90_000);
      child.stdout.on('data', (b: Buffer) => {
        for (const m of b.toString().matchAll(/committed (\d+)/g)) lastCommitted = Number(m[1]);
        if (lastCommitted >= 150) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));
    // The stale lock and socket of the killed process must not prevent the next start.
    const reopened = await openDatabase({ dataDir, databaseUrl: undefined, poolMax: 2 });
    try {
      const r = await sql<{ n: number; max: number }>`SELECT count(*)::int AS n, max(id) AS max FROM crash_probe`.execute(reopened.db);
      expect(r.rows[0]!.n).toBeGreaterThanOrEqual(lastCommitted);
      expect(r.rows[0]!.n).toBe(r.rows[0]!.max); // no holes: every committed id is there
      await sql`INSERT INTO crash_probe VALUES (1000000, 'dopo il riavvio')`.execute(reopened.db);
    } finally {
      await reopened.close();
    }
  });
});
