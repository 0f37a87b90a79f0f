import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { SISO_LOCKOUT_ATTEMPTS: '5', SISO_LOCKOUT_MINUTES: '15' } });
});
afterAll(async () => t?.close());

const NEW = 'Tramonto-sul-Trasimeno-7';
const row = (username: string) =>
  t.database.db.selectFrom('operator').select(['id', 'failed_login_count', 'locked_until']).where('username', '=', username).executeTakeFirstOrThrow();
const unlock = (username: string) => t.database.db.updateTable('operator').set({ failed_login_count: 0, locked_until: null }).where('username', '=', username).execute();
const lastAudit = (n: number) =>
  t.database.db.selectFrom('audit_event').select(['action', 'outcome', 'error_code', 'details', 'targets']).where('action', '=', 'auth.changePassword').orderBy('seq', 'desc').limit(n).execute();

describe('a wrong current password in auth.changePassword', () => {
  it('counts like a failed login, locks at the limit, ends the session and is audited', async () => {
    const c = await t.as('responsabile');
    const other = await t.as('responsabile');
    const { id } = await row('responsabile');
    for (let i = 1; i <= 4; i++) {
      const res = await c.call('auth.changePassword', { currentPassword: 'sbagliata', newPassword: NEW });
      expect(res.status).toBe(400);
      expect(res.error.details).toEqual([{ path: 'currentPassword', message: expect.any(String) }]);
      expect((await row('responsabile')).failed_login_count).toBe(i);
    }
    const [denied] = await lastAudit(1);
    expect(denied).toMatchObject({ outcome: 'denied', error_code: 'invalid_input', targets: [{ kind: 'operator', id }] });
    expect((await c.call('auth.changePassword', { currentPassword: 'sbagliata', newPassword: NEW })).status).toBe(400);
    expect((await row('responsabile')).locked_until!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await lastAudit(1))[0]!.details).toMatchObject({ lockedNow: true });
    // The session that failed is over; the password no longer opens a new one during the lock.
    expect((await c.call('alerts.find')).status).toBe(401);
    expect((await t.client().call('auth.login', { username: 'responsabile', password: 'demo-siso-2026' })).status).toBe(401);
    // Another open session cannot use the right password during the lock: same answer, not counted, audited.
    const right = await other.call('auth.changePassword', { currentPassword: 'demo-siso-2026', newPassword: NEW });
    expect(right.status).toBe(400);
    expect(right.error.details[0]!.path).toBe('currentPassword');
    expect((await lastAudit(1))[0]!.details).toMatchObject({ locked: true });
    expect((await row('responsabile')).failed_login_count).toBe(0);
  });

  it('shares the counter with auth.login', async () => {
    await unlock('responsabile');
    const c = await t.as('responsabile');
    for (let i = 0; i < 3; i++) expect((await t.client().call('auth.login', { username: 'responsabile', password: 'sbagliata' })).status).toBe(401);
    expect((await row('responsabile')).failed_login_count).toBe(3);
    await c.call('auth.changePassword', { currentPassword: 'sbagliata', newPassword: NEW });
    expect((await row('responsabile')).failed_login_count).toBe(4);
    await c.call('auth.changePassword', { currentPassword: 'sbagliata', newPassword: NEW });
    expect((await row('responsabile')).locked_until).not.toBeNull();
  });

  it('restarts the count after a successful change', async () => {
    await unlock('responsabile');
    const c = await t.as('responsabile');
    await c.call('auth.changePassword', { currentPassword: 'sbagliata', newPassword: NEW });
    expect((await row('responsabile')).failed_login_count).toBe(1);
    expect((await c.call('auth.changePassword', { currentPassword: 'demo-siso-2026', newPassword: NEW })).status).toBe(200);
    expect(await row('responsabile')).toMatchObject({ failed_login_count: 0, locked_until: null });
  });
});
