import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('auth.login', () => {
  it('logs a persona in, chooses its only context and returns a CSRF token', async () => {
    const c = t.client();
    const res = await c.call('auth.login', { username: 'assistente', password: 'demo-siso-2026' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.operator.username).toBe('assistente');
    expect(res.body.context).toMatchObject({ enteName: 'Comune di Città di Castello', officeType: 'servizio_sociale_professionale' });
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const cookie = res.headers['set-cookie'] as string;
    expect(cookie).toMatch(/siso_sid=.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await t.client().call('auth.login', { username: 'assistente', password: 'sbagliata' });
    const unknown = await t.client().call('auth.login', { username: 'nessuno', password: 'sbagliata' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.error.message).toBe(unknown.error.message);
    expect(wrong.error.details).toEqual(unknown.error.details);
  });

  it('places the B and 2 personas in the other comune and the other ambito', async () => {
    const b = await t.client().call('auth.login', { username: 'assistenteB', password: 'demo-siso-2026' });
    const two = await t.client().call('auth.login', { username: 'assistente2', password: 'demo-siso-2026' });
    const one = await t.client().call('auth.login', { username: 'assistente', password: 'demo-siso-2026' });
    expect(b.body.context!.enteName).toBe('Comune di Umbertide');
    expect(b.body.context!.ambitoId).toBe(one.body.context!.ambitoId);
    expect(two.body.context!.enteName).toBe('Comune di Perugia');
    expect(two.body.context!.ambitoId).not.toBe(one.body.context!.ambitoId);
  });
});

describe('contexts and sessions', () => {
  it('asks an operator with several assignments to choose, then rotates the session on selection', async () => {
    const db = t.database.db;
    const op = await db.selectFrom('operator').select('id').where('username', '=', 'responsabile').executeTakeFirstOrThrow();
    const other = await db
      .selectFrom('office')
      .innerJoin('ente', 'ente.id', 'office.ente_id')
      .select(['office.id', 'office.ente_id', 'office.ambito_id'])
      .where('ente.name', '=', 'Comune di Umbertide')
      .where('office.type', '=', 'servizio_sociale_professionale')
      .executeTakeFirstOrThrow();
    const assignmentId = crypto.randomUUID();
    await db
      .insertInto('assignment')
      .values({ id: assignmentId, operator_id: op.id, ambito_id: other.ambito_id, ente_id: other.ente_id, office_id: other.id, professional_type: 'responsabile', valid_from: '2020-01-01' })
      .execute();
    const profile = await db.selectFrom('profile').select('id').where('code', '=', 'responsabile_settore').executeTakeFirstOrThrow();
    await db.insertInto('assignment_profile').values({ assignment_id: assignmentId, profile_id: profile.id }).execute();

    const c = t.client();
    const login = await c.call('auth.login', { username: 'responsabile', password: 'demo-siso-2026' });
    expect(login.body.context).toBeNull();
    expect(login.body.contexts).toHaveLength(2);
    const before = await c.call('alerts.find', {});
    expect(before.status).toBe(403);
    expect(before.error.code).toBe('context_required');

    const oldCookie = c.cookie;
    const chosen = await c.call('auth.selectContext', { enteId: other.ente_id, officeId: other.id });
    expect(chosen.status).toBe(200);
    expect(chosen.body.context!.officeId).toBe(other.id);
    expect(c.cookie).not.toBe(oldCookie);
    expect((await c.call('alerts.find', {})).status).toBe(200);

    // The old session id is dead after rotation (session fixation defence).
    const stale = t.client();
    stale.cookie = oldCookie;
    expect((await stale.call('auth.me')).status).toBe(401);
  });

  it('refuses a context that is not one of the operator’s assignments', async () => {
    const c = await t.as('assistente');
    const foreign = await t.database.db.selectFrom('office').select(['id', 'ente_id']).where('type', '=', 'sportello_stranieri').executeTakeFirstOrThrow();
    const res = await c.call('auth.selectContext', { enteId: foreign.ente_id, officeId: foreign.id });
    expect(res.status).toBe(404);
  });

  it('auth.me returns the operator, the context and the CSRF token after a reload', async () => {
    const c = await t.as('sportello');
    const token = c.csrf;
    c.csrf = undefined;
    const me = await c.call('auth.me', {}, { method: 'GET' });
    expect(me.status).toBe(200);
    expect(me.body.operator.username).toBe('sportello');
    expect(me.body.csrfToken).toBe(token);
    expect(me.body.permissions).toContain('alerts.find');
  });

  it('logs out and the cookie stops working', async () => {
    const c = await t.as('sportello');
    const cookie = c.cookie;
    expect((await c.call('auth.logout')).status).toBe(200);
    const again = t.client();
    again.cookie = cookie;
    expect((await again.call('auth.me')).status).toBe(401);
  });

  it('expires idle sessions', async () => {
    const c = await t.as('dpo');
    await t.database.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('revoked_at', 'is', null).execute();
    expect((await c.call('auth.me')).status).toBe(401);
  });
});

describe('session cache (SISO_SESSION_CACHE_SECONDS)', () => {
  it('serves repeated requests from the cache but honours a logout at once', async () => {
    const cached = await createTestApp({ config: { SISO_SESSION_CACHE_SECONDS: '30' } });
    try {
      const c = await cached.as('sportello');
      expect((await c.call('auth.me')).status).toBe(200);
      // Changed behind the application's back: the cached session still answers for up to 30 s…
      await cached.database.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - 60 * 60_000) }).execute();
      expect((await c.call('auth.me')).status).toBe(200);
      // …but a logout through the application evicts it immediately.
      const cookie = c.cookie;
      expect((await c.call('auth.logout')).status).toBe(200);
      const again = cached.client();
      again.cookie = cookie;
      expect((await again.call('auth.me')).status).toBe(401);
    } finally {
      await cached.close();
    }
  });
});
