import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { SISO_LOCKOUT_ATTEMPTS: '5', SISO_LOCKOUT_MINUTES: '15' } });
});
afterAll(async () => t?.close());

const row = (username: string) =>
  t.database.db.selectFrom('operator').select(['failed_login_count', 'locked_until']).where('username', '=', username).executeTakeFirstOrThrow();
const attempt = (username: string, password: string) => t.client().call('auth.login', { username, password });

describe('account lockout', () => {
  it('counts failures even though the login transaction rolls back, and a success resets the count', async () => {
    await attempt('regione', 'sbagliata');
    await attempt('regione', 'sbagliata');
    expect((await row('regione')).failed_login_count).toBe(2);
    expect((await attempt('regione', 'demo-siso-2026')).status).toBe(200);
    expect((await row('regione')).failed_login_count).toBe(0);
  });

  it('locks after 5 failures with the same generic answer, audits the lock, and unlocks after the period', async () => {
    const wrong = await attempt('admin', 'sbagliata');
    for (let i = 0; i < 4; i++) await attempt('admin', 'sbagliata');
    const locked = await row('admin');
    expect(locked.locked_until!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const right = await attempt('admin', 'demo-siso-2026');
    expect(right.status).toBe(401);
    expect(right.error.message).toBe(wrong.error.message);
    expect(right.error.details).toEqual(wrong.error.details);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['details', 'outcome'])
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'denied')
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(audit[0]!.details).toMatchObject({ username: 'admin', locked: true });
    expect(audit[1]!.details).toMatchObject({ username: 'admin', lockedNow: true });
    await t.database.db.updateTable('operator').set({ locked_until: new Date(Date.now() - 1000) }).where('username', '=', 'admin').execute();
    expect((await attempt('admin', 'demo-siso-2026')).status).toBe(200);
    expect(await row('admin')).toMatchObject({ failed_login_count: 0, locked_until: null });
  });
});
