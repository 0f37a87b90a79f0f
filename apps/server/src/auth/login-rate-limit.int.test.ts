import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { secondInstance } from '../testing/second-instance.js';
import { maintenanceCleanupJob } from '../jobs/definitions/maintenance-cleanup.job.js';
import type { JobContext } from '../jobs/job-definition.js';
import { LoginThrottle } from './login-throttle.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Moves every recorded failure `seconds` into the past (the window is measured by the database clock). */
const age = (seconds: number) => sql`UPDATE login_failure SET at = at - make_interval(secs => ${seconds})`.execute(t.database.db);

describe('login rate limit', () => {
  it('answers 429 rate_limited with Retry-After after 10 failures a minute for one username', async () => {
    for (let i = 0; i < 10; i++) expect((await t.client().call('auth.login', { username: 'nessuno', password: 'x' })).status).toBe(401);
    const limited = await t.client().call('auth.login', { username: 'Nessuno', password: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another username from the same address is still allowed (the per-IP limit is 50).
    expect((await t.client().call('auth.login', { username: 'sportello', password: 'demo-siso-2026' })).status).toBe(200);
  });

  it('limits one address to 50 failures a minute whatever the username', async () => {
    // 10 failures of the previous test + 40 here = 50 (the rate-limited answer is not a counted failure).
    for (let i = 0; i < 40; i++) await t.client().call('auth.login', { username: `probe${i}`, password: 'x' });
    const limited = await t.client().call('auth.login', { username: 'sportello', password: 'demo-siso-2026' });
    expect(limited.status).toBe(429);
  });

  it('stores no client address or username in clear', async () => {
    const rows = await t.database.db.selectFrom('login_failure').select('key_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is shared by two instances on the same database', async () => {
    await t.database.db.deleteFrom('login_failure').execute();
    const other = await secondInstance(t);
    try {
      // 5 failures on each instance: the 11th attempt is refused on either.
      for (let i = 0; i < 5; i++) expect((await t.client().call('auth.login', { username: 'condiviso', password: 'x' })).status).toBe(401);
      for (let i = 0; i < 5; i++) expect((await other.client().call('auth.login', { username: 'condiviso', password: 'x' })).status).toBe(401);
      expect((await t.client().call('auth.login', { username: 'condiviso', password: 'x' })).status).toBe(429);
      expect((await other.client().call('auth.login', { username: 'condiviso', password: 'x' })).status).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('forgets failures once they leave the window, and maintenance.cleanup prunes them', async () => {
    await age(61);
    expect((await t.client().call('auth.login', { username: 'condiviso', password: 'x' })).status).toBe(401);
    await age(61);
    // A failure prunes its own keys' old rows (here the address's); the other keys' wait for the cleanup.
    expect((await t.client().call('auth.login', { username: 'altro', password: 'x' })).status).toBe(401);
    const old = () => t.database.db.selectFrom('login_failure').select(sql<number>`count(*)::int`.as('n')).where('at', '<', sql<Date>`now() - interval '60 seconds'`).executeTakeFirstOrThrow();
    expect((await old()).n).toBeGreaterThan(0);
    const ctx = { runId: 'test', attempt: 1, db: t.database.db, services: t.app.services, log: t.app.server.log, progress: async () => undefined } satisfies JobContext;
    const removed = (await maintenanceCleanupJob.handler(ctx, {})) as Record<string, number>;
    expect(removed.login_failure).toBeGreaterThan(0);
    expect((await old()).n).toBe(0);
  });
});

describe('login throttle windows', () => {
  const throttle = new LoginThrottle(Buffer.alloc(32, 7));

  it('allows 10 failures a minute per IP and username (case-insensitive), then asks to wait until the oldest leaves', async () => {
    const db = t.database.db;
    await db.deleteFrom('login_failure').execute();
    for (let i = 0; i < 10; i++) {
      expect(await throttle.retryAfter(db, '10.0.0.1', 'Anna')).toBe(0);
      await throttle.failed(db, '10.0.0.1', 'anna');
    }
    expect(await throttle.retryAfter(db, '10.0.0.1', 'ANNA')).toBeGreaterThan(50);
    expect(await throttle.retryAfter(db, '10.0.0.2', 'anna')).toBe(0);
    await age(45);
    const wait = await throttle.retryAfter(db, '10.0.0.1', 'anna');
    expect(wait).toBeGreaterThan(10);
    expect(wait).toBeLessThanOrEqual(16);
    await age(16);
    expect(await throttle.retryAfter(db, '10.0.0.1', 'anna')).toBe(0);
  });

  it('allows 50 failures a minute per IP whatever the username', async () => {
    const db = t.database.db;
    await db.deleteFrom('login_failure').execute();
    for (let i = 0; i < 50; i++) await throttle.failed(db, '10.0.0.1', `user${i}`);
    expect(await throttle.retryAfter(db, '10.0.0.1', 'someone-else')).toBeGreaterThan(0);
    expect(await throttle.retryAfter(db, '10.0.0.3', 'someone-else')).toBe(0);
  });
});
