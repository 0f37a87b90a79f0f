import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts, fieldMessages, MAX_INPUT_DEPTH } from '@siso/shared';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';
import { grantToProfile } from '../testing/grant-permissions.js';

/**
 * Input hygiene through the real pipeline (issue 10, item 7; OWASP ASVS 5.1, CWE-158/CWE-674):
 * control characters, bad keys and deep nesting are a 400 with the field's path on every action,
 * never a 500 from the database.
 */
let t: TestApp;
let sportello: TestClient;

const CONTROL = fieldMessages.carattere_di_controllo!.it;
const BAD_KEY = fieldMessages.nome_campo_non_valido!.it;
const TOO_DEEP = fieldMessages.troppo_annidato!.it;
const nested = (levels: number) => '['.repeat(levels) + '1' + ']'.repeat(levels);

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
});
afterAll(async () => t?.close());

describe('control characters', () => {
  it('refuses NUL in auth.login, without a session, with the field path and an Italian message', async () => {
    const res = await t.client().call('auth.login', { username: 'spor\u0000tello', password: 'demo-siso-2026' });
    expect(res.status).toBe(400);
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.message).toMatch(/^Dati non validi/);
    expect(res.error.details).toEqual([{ path: 'username', message: CONTROL }]);
  });

  it('refuses NUL in the ?input= of a GET query', async () => {
    const res = await sportello.call('reference.comuni', { q: 'Ro\u0000ma' }, { method: 'GET' });
    expect(res.status).toBe(400);
    expect(res.error.details).toEqual([{ path: 'q', message: CONTROL }]);
  });

  it('refuses NUL and other controls in a person and writes nothing', async () => {
    for (const bad of ['Ro\u0000ssi', 'Ro\u0007ssi', 'Ro\u001bssi', 'Ro\u007fssi', 'Ro\u000bssi']) {
      // The check comes before the schema and the handler: no search token needed to be refused.
      const res = await sportello.call('persons.create', { searchToken: 'x'.repeat(20), surname: bad, name: 'Maria' });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_input', details: [{ path: 'surname', message: CONTROL }] });
    }
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person WHERE surname LIKE 'Ro%ssi'`.execute(t.database.db);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('refuses a control character deep in a scheda, with its dotted path, and keeps TAB, LF and CR', async () => {
    const bad = await sportello.call('intakeRecords.create', { access: { mode: 'in_person', description: 'prima\u0000dopo' } });
    expect(bad.status).toBe(400);
    expect(bad.error.details).toEqual([{ path: 'access.description', message: CONTROL }]);
    const ok = await sportello.call('intakeRecords.create', { access: { mode: 'in_person', description: 'riga 1\r\nriga 2\tfine' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.access!.description).toBe('riga 1\r\nriga 2\tfine');
  });

  it('refuses a key with NUL at its object, never echoing the key', async () => {
    const res = await sportello.call('intakeRecords.create', { access: { mode: 'in_person' }, custom: { 'xyzzy\u0000': 'x' } });
    expect(res.status).toBe(400);
    expect(res.error.details).toEqual([{ path: 'custom', message: BAD_KEY }]);
    expect(JSON.stringify(res.body)).not.toMatch(/xyzzy/);
  });

  it('answers in English with Accept-Language: en', async () => {
    const res = await t.client().call('auth.login', { username: 'a\u0000', password: 'x' }, { headers: { 'accept-language': 'en' } });
    expect(res.error.details).toEqual([{ path: 'username', message: fieldMessages.carattere_di_controllo!.en }]);
  });
});

describe('every action', () => {
  it('refuses a control character in a value and in a key, by POST and by GET, before any handler runs', async () => {
    // One operator holding every permission, so each action reaches its validate step.
    await grantToProfile(t.database.db, 'amministratore_ambito', Object.keys(contracts));
    const admin = await t.as('admin');
    const expected = [{ path: '', message: BAD_KEY }, { path: 'zz', message: CONTROL }];
    const input = { zz: 'a\u0000b', 'k\u0000': 1 };
    const names = Object.keys(contracts);
    expect(names.length).toBeGreaterThan(80);
    for (const name of names) {
      const client = contracts[name as keyof typeof contracts].access === 'public' ? t.client() : admin;
      const post = await client.callRaw(name, input);
      expect({ name, status: post.status, details: post.error.details }).toEqual({ name, status: 400, details: expected });
      if (contracts[name as keyof typeof contracts].kind === 'query') {
        const get = await client.callRaw(name, input, { method: 'GET' });
        expect({ name, status: get.status, details: get.error.details }).toEqual({ name, status: 400, details: expected });
      }
    }
    // Nothing ran: the session is still there after auth.logout and auth.logoutEverywhere were refused.
    expect((await admin.call('auth.me')).status).toBe(200);
  });
});

describe('deep and large input', () => {
  it('refuses 10,000 levels of arrays with 400, not a crash', async () => {
    const login = await t.client().call('auth.login', undefined, { rawBody: `{"username":${nested(10_000)},"password":"x"}` });
    expect(login.status).toBe(400);
    expect(login.error.details).toEqual([{ path: `username.${Array(MAX_INPUT_DEPTH - 1).fill('0').join('.')}`, message: TOO_DEEP }]);
    // Where a contract accepts any value (configured fields), the depth limit still holds.
    const custom = await sportello.call('intakeRecords.create', undefined, { rawBody: `{"access":{},"custom":{"x":${nested(200_000)}}}` });
    expect(custom.status).toBe(400);
    expect(custom.error.details[0]!.message).toBe(TOO_DEEP);
    const get = await sportello.call('reference.comuni', { q: JSON.parse(nested(MAX_INPUT_DEPTH)) }, { method: 'GET' });
    expect(get.status).toBe(400);
    expect(get.error.details[0]!.message).toBe(TOO_DEEP);
  });

  it('refuses huge strings and keys with 4xx in the error contract', async () => {
    const huge = await t.client().call('auth.login', { username: 'x'.repeat(900_000), password: 'x' });
    expect(huge.status).toBe(400);
    expect(huge.error.details).toEqual([{ path: 'username', message: fieldMessages.too_big!.it }]);
    const over = await t.client().call('auth.login', { username: 'x'.repeat(1_100_000), password: 'x' });
    expect(over.status).toBe(413);
    expect(over.error.code).toBe('payload_too_large');
    const key = await sportello.call('intakeRecords.create', { access: {}, custom: { ['k'.repeat(100_000)]: 1 } });
    expect(key.status).toBe(400);
    expect(key.error.details).toEqual([{ path: 'custom', message: BAD_KEY }]);
  });
});
