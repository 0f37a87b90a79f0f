import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { wrapPool, type Database } from '../db/database.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { testConfig } from '../testing/test-config.js';
import { startFingerprint } from './start-fingerprint.js';
import { StartupTimer } from './startup-timer.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Another start on the database of `t` (its own pool on PostgreSQL; the one connection on PGlite). */
async function startAgain(): Promise<StartupTimer> {
  const database: Database =
    t.database.kind === 'postgres'
      ? wrapPool('postgres', new pg.Pool({ ...t.database.pool.options, max: 2 }))
      : { ...t.database, close: async () => undefined };
  const timer = new StartupTimer();
  const app = await createApp(testConfig({ SISO_DATA_DIR: t.app.services.config.dataDir }), database, { logger: false, fastHashing: true, serveWeb: false, timer });
  await app.close();
  return timer;
}

const stored = async () => (await t.database.pool.query<{ fingerprint: string }>('SELECT fingerprint FROM start_fingerprint')).rows;

describe('what a start prepares, and what a later start skips (issue 11)', () => {
  it('records the fingerprint of what it prepared', async () => {
    expect(await stored()).toEqual([{ fingerprint: startFingerprint({ demo: true }) }]);
  });

  it('a later start with nothing new checks the fingerprint and skips migrations, code lists and seed', async () => {
    const timer = await startAgain();
    expect(Object.keys(timer.phases)).toContain('fingerprint');
    expect(Object.keys(timer.phases)).not.toContain('migrations');
    expect(Object.keys(timer.phases)).not.toContain('referenceData');
    expect(Object.keys(timer.phases)).not.toContain('seed');
  });

  it('a start whose fingerprint differs (a new migration, code list or permission) prepares again and records the new one', async () => {
    await t.database.pool.query("UPDATE start_fingerprint SET fingerprint = 'di una versione precedente'");
    const timer = await startAgain();
    expect(Object.keys(timer.phases)).toEqual(expect.arrayContaining(['fingerprint', 'migrations', 'referenceData', 'seed']));
    expect(await stored()).toEqual([{ fingerprint: startFingerprint({ demo: true }) }]);
  });

  it('the fingerprint changes with the demo seed setting', () => {
    expect(startFingerprint({ demo: false })).not.toBe(startFingerprint({ demo: true }));
  });
});
