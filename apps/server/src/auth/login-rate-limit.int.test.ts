import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('login rate limit', () => {
  it('answers 429 rate_limited with Retry-After after 10 failures a minute for one username', async () => {
    for (let i = 0; i < 10; i++) expect((await t.client().call('auth.login', { username: 'nessuno', password: 'x' })).status).toBe(401);
    const limited = await t.client().call('auth.login', { username: 'Nessuno', password: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
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
});
