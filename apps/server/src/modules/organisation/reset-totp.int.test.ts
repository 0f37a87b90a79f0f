import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { totpCodeAt } from '../../auth/totp.js';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(async () => t?.close());

const idOf = async (username: string) => (await t.database.db.selectFrom('operator').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

/** Sets up an authenticator from an active session, as the operator does on "Il mio profilo". */
async function enrol(c: TestClient): Promise<void> {
  const { body } = await c.call('auth.enrollTotp');
  expect((await c.call('auth.confirmTotp', { code: totpCodeAt(body.secret, Date.now()) })).status).toBe(200);
}

describe('operators.resetTotp', () => {
  it('clears the authenticator, ends the sessions, is audited, and the operator enrols again at the next login', async () => {
    await t.database.db.updateTable('profile').set({ requires_totp: true }).where('code', '=', 'assistente_sociale').execute();
    const assistente = await t.as('assistente');
    await enrol(assistente);
    const id = await idOf('assistente');
    const before = await admin.call('operators.get', { id });
    expect(before.body).toMatchObject({ totpEnabled: true });
    expect(before.body.abilities).toContain('operators.resetTotp');

    const res = await admin.call('operators.resetTotp', { id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, totpEnabled: false, version: before.body.version + 1 });
    expect(res.body.abilities).not.toContain('operators.resetTotp');
    const row = await t.database.db.selectFrom('operator').select(['totp_secret_enc', 'totp_enabled_at', 'totp_last_step']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null });
    expect((await assistente.call('alerts.find')).status).toBe(401);
    const audit = await t.database.db.selectFrom('audit_event').select(['outcome', 'targets', 'details']).where('action', '=', 'operators.resetTotp').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ outcome: 'ok', targets: [{ kind: 'operator', id }], details: { totpEnabled: { old: true, new: false } } });
    expect((audit.details as { sessionsRevoked: number }).sessionsRevoked).toBeGreaterThan(0);

    // Next login: the profile requires TOTP and none is set up, so enrolment completes the login.
    const c = t.client();
    const login = await c.call('auth.login', { username: 'assistente', password: 'demo-siso-2026' });
    expect(login.body).toMatchObject({ status: 'totp_required', totpEnabled: false });
    const enrolled = await c.call('auth.enrollTotp');
    expect(enrolled.status).toBe(200);
    const done = await c.call('auth.confirmTotp', { code: totpCodeAt(enrolled.body.secret, Date.now()) });
    expect(done.body).toMatchObject({ status: 'ok', totpEnabled: true });
  });

  it('lets an operator whose profile does not require TOTP in with the password alone', async () => {
    const sportello = await t.as('sportello');
    await enrol(sportello);
    expect((await admin.call('operators.resetTotp', { id: await idOf('sportello') })).status).toBe(200);
    const login = await t.client().call('auth.login', { username: 'sportello', password: 'demo-siso-2026' });
    expect(login.body).toMatchObject({ status: 'ok', totpEnabled: false });
  });

  it("refuses an ambito administrator the DPO's authenticator (GDPR art. 38(3)); the system administrator may", async () => {
    const dpo = await idOf('dpo');
    await t.database.db.updateTable('operator').set({ totp_secret_enc: 'v1.x', totp_enabled_at: new Date() }).where('id', '=', dpo).execute();
    const denied = await admin.call('operators.resetTotp', { id: dpo });
    expect(denied.status).toBe(403);
    expect(denied.error.details[0]!.path).toMatch(/^permissions\.audit\./);
    const sysadmin = await t.as('sysadmin');
    expect((await sysadmin.call('operators.resetTotp', { id: dpo })).body).toMatchObject({ totpEnabled: false });
  });

  it('answers 404 for an operator outside the administrator’s ambito', async () => {
    expect((await admin.call('operators.resetTotp', { id: await idOf('assistente2') })).status).toBe(404);
  });
});
