import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/**
 * X-Forwarded-For is believed only from SISO_TRUSTED_PROXIES (issue 10, item 7; CWE-348, OWASP ASVS
 * 2.2.1): otherwise rotating the header would give each login attempt a fresh address and sidestep
 * the per-address limit (auth/login-throttle.ts: 10 failures a minute per address and username).
 * The test client connects from 127.0.0.1.
 */
let direct: TestApp;
let proxied: TestApp;

beforeAll(async () => {
  direct = await createTestApp();
  proxied = await createTestApp({ config: { SISO_TRUSTED_PROXIES: '127.0.0.1' } });
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
});

async function login(t: TestApp, username: string, forwardedFor: string, remoteAddress = '127.0.0.1') {
  const res = await t.app.server.inject({
    method: 'POST',
    url: '/api/auth.login',
    remoteAddress,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    payload: JSON.stringify({ username, password: 'sbagliata' }),
  });
  return { status: res.statusCode, requestId: (res.json() as { requestId: string }).requestId };
}

async function auditedIp(t: TestApp, requestId: string): Promise<string | null> {
  const row = await t.database.db.selectFrom('audit_event').select('client_ip').where('request_id', '=', requestId).executeTakeFirstOrThrow();
  return row.client_ip;
}

describe('with no trusted proxy (the default)', () => {
  it('ignores X-Forwarded-For: rotating it does not escape the login limit', async () => {
    for (let i = 0; i < 10; i++) expect((await login(direct, 'ruota', `203.0.113.${i + 1}`)).status).toBe(401);
    const limited = await login(direct, 'ruota', '198.51.100.99');
    expect(limited.status).toBe(429);
    expect(await auditedIp(direct, limited.requestId)).toBe('127.0.0.1');
  });
});

describe('with 127.0.0.1 trusted', () => {
  it('uses the forwarded address: its limit is its own', async () => {
    for (let i = 0; i < 10; i++) expect((await login(proxied, 'inoltro', '203.0.113.7')).status).toBe(401);
    expect((await login(proxied, 'inoltro', '203.0.113.7')).status).toBe(429);
    const other = await login(proxied, 'inoltro', '203.0.113.8');
    expect(other.status).toBe(401);
    expect(await auditedIp(proxied, other.requestId)).toBe('203.0.113.8');
  });

  it('takes the address the proxy appended, not one the client wrote before it', async () => {
    const res = await login(proxied, 'inoltro2', '6.6.6.6, 198.51.100.7');
    expect(await auditedIp(proxied, res.requestId)).toBe('198.51.100.7');
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    const res = await login(proxied, 'inoltro3', '203.0.113.50', '192.0.2.10');
    expect(await auditedIp(proxied, res.requestId)).toBe('192.0.2.10');
  });
});
