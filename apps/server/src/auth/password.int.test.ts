import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const NEW = 'Tramonto-sul-Trasimeno-7';

describe('auth.changePassword', () => {
  it('checks the current password and the policy, naming the field', async () => {
    const c = await t.as('sportello');
    const wrong = await c.call('auth.changePassword', { currentPassword: 'sbagliata', newPassword: NEW });
    expect(wrong.status).toBe(400);
    expect(wrong.error.details).toEqual([{ path: 'currentPassword', message: expect.any(String) }]);
    const weak = await c.call('auth.changePassword', { currentPassword: 'demo-siso-2026', newPassword: 'sportello123' });
    expect(weak.status).toBe(400);
    expect(weak.error.details.every((d: { path: string }) => d.path === 'newPassword')).toBe(true);
    expect(weak.error.details.length).toBeGreaterThanOrEqual(2);
    expect((await c.call('auth.changePassword', { currentPassword: 'demo-siso-2026', newPassword: 'Password1234' })).status).toBe(400);
  });

  it('changes it, rotates this session and revokes the others', async () => {
    const other = await t.as('sportello');
    const c = await t.as('sportello');
    const before = c.cookie;
    const res = await c.call('auth.changePassword', { currentPassword: 'demo-siso-2026', newPassword: NEW });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(c.cookie).not.toBe(before);
    expect((await c.call('alerts.find')).status).toBe(200);
    expect((await other.call('auth.me')).status).toBe(401);
    expect((await t.client().call('auth.login', { username: 'sportello', password: 'demo-siso-2026' })).status).toBe(401);
    expect((await t.client().call('auth.login', { username: 'sportello', password: NEW })).status).toBe(200);
  });
});

describe('forced change (must_change_password)', () => {
  it('opens a session that can only change the password, then the work context', async () => {
    await t.database.db.updateTable('operator').set({ must_change_password: true }).where('username', '=', 'assistenteB').execute();
    const c = t.client();
    const login = await c.call('auth.login', { username: 'assistenteB', password: 'demo-siso-2026' });
    expect(login.body).toMatchObject({ status: 'password_change_required', context: null, contexts: [] });
    expect((await c.call('alerts.find')).status).toBe(403);
    expect((await c.call('auth.enrollTotp')).status).toBe(403);
    expect((await c.call('auth.me')).body.status).toBe('password_change_required');
    const res = await c.call('auth.changePassword', { currentPassword: 'demo-siso-2026', newPassword: NEW });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.context!.enteName).toBe('Comune di Umbertide');
    expect((await c.call('alerts.find')).status).toBe(200);
    const row = await t.database.db.selectFrom('operator').select(['must_change_password', 'password_changed_at']).where('username', '=', 'assistenteB').executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(false);
    expect(row.password_changed_at).not.toBeNull();
  });
});

describe('sessions', () => {
  it('lists the operator’s own sessions and ends them all', async () => {
    const a = await t.as('responsabile2');
    const b = t.client();
    await b.call('auth.login', { username: 'responsabile2', password: 'demo-siso-2026' }, { headers: { 'user-agent': 'Tablet di prova' } });
    const list = await a.call('auth.sessions', {}, { method: 'GET' });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body.items.map((s: { userAgent: string | null }) => s.userAgent)).toContain('Tablet di prova');
    const out = await a.call('auth.logoutEverywhere');
    expect(out.status).toBe(200);
    expect(out.body.revoked).toBe(2);
    expect(a.cookie).toBeUndefined();
    expect((await b.call('auth.me')).status).toBe(401);
  });
});
