import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../testing/test-app.js';
import { pipelineFixtureApp, type FixtureContracts } from '../testing/fixtures/pipeline-fixtures.js';

/**
 * Every API answer is `Cache-Control: no-store` (issue 10, item 7; OWASP ASVS 8.2.1, CWE-525): answers
 * carry personal data, and neither the browser's cache nor a proxy may keep a copy after logout.
 */
let t: TestApp<FixtureContracts>;
let admin: TestClient<FixtureContracts>;

beforeAll(async () => {
  ({ t, admin } = await pipelineFixtureApp());
});
afterAll(async () => t?.close());

const noStore = (res: { headers: Record<string, unknown> }) => expect(res.headers['cache-control']).toBe('no-store');

describe('Cache-Control: no-store', () => {
  it('on a mutation, its replay, a query by GET and an error', async () => {
    const headers = { 'idempotency-key': `cache-${crypto.randomUUID()}` };
    const input = { title: 'nota', dueOn: null, amount: null };
    const first = await admin.call('fixtures.create', input, { headers });
    expect(first.status).toBe(200);
    noStore(first);
    const replay = await admin.call('fixtures.create', input, { headers });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    noStore(replay);
    const read = await admin.call('fixtures.get', { id: first.body.id }, { method: 'GET' });
    expect(read.status).toBe(200);
    noStore(read);
    const bad = await admin.callRaw('fixtures.create', {});
    expect(bad.status).toBe(400);
    noStore(bad);
    const anon = await t.client().call('auth.me');
    expect(anon.status).toBe(401);
    noStore(anon);
  });

  it('on the session answer of auth.login', async () => {
    const res = await t.client().call('auth.login', { username: 'sportello', password: 'demo-siso-2026' });
    expect(res.status).toBe(200);
    noStore(res);
  });

  it('on a PDF download', async () => {
    const sportello = await t.as('sportello');
    const scheda = await sportello.call('intakeRecords.create', { access: { mode: 'in_person' } });
    expect(scheda.status, JSON.stringify(scheda.body)).toBe(200);
    const pdf = await sportello.call('intakeRecords.print', { id: scheda.body.id });
    expect(pdf.status).toBe(200);
    expect(pdf.body.mediaType).toBe('application/pdf');
    noStore(pdf);
  });

  it('on an unknown action, the health check, the OpenAPI document and the API docs', async () => {
    noStore(await admin.callRaw('cases.nonexistent', {}));
    for (const url of ['/api/health', '/api/openapi.json', '/api/docs/']) {
      const res = await t.app.server.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('only on the API: other paths keep their own caching', async () => {
    const res = await t.app.server.inject({ method: 'GET', url: '/favicon.ico' });
    expect(res.headers['cache-control']).toBeUndefined();
  });
});
