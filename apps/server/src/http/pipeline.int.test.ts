import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp, TestClient } from '../testing/test-app.js';
import { pipelineFixtureApp, type FixtureContracts } from '../testing/fixtures/pipeline-fixtures.js';

let t: TestApp<FixtureContracts>;
let admin: TestClient<FixtureContracts>;

beforeAll(async () => {
  ({ t, admin } = await pipelineFixtureApp());
});
afterAll(async () => t?.close());

describe('wire contract: errors', () => {
  it('rejects bad input with 400 invalid_input, the field paths and an Italian message', async () => {
    const res = await admin.callRaw('fixtures.create', { title: '', dueOn: '2024-02-30', amount: 12.5 });
    expect(res.status).toBe(400);
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.message).toMatch(/Dati non validi/);
    const paths = res.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['amount', 'dueOn', 'title']);
    expect(res.error.details.find((d: { path: string }) => d.path === 'dueOn')!.message).toBe('Data inesistente.');
  });

  it('answers in English with Accept-Language: en', async () => {
    const res = await admin.callRaw('fixtures.create', {}, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.status).toBe(400);
    expect(res.error.message).toMatch(/^Invalid input/);
    expect(res.error.details.find((d: { path: string }) => d.path === 'title')!.message).toBe('Required.');
  });

  it('rejects malformed JSON as invalid_input, not as a server error', async () => {
    const res = await admin.callRaw('fixtures.create', undefined, { rawBody: '{"title": ' });
    expect(res.status).toBe(400);
    expect(res.error.code).toBe('invalid_input');
  });

  it('answers 413 payload_too_large over the body limit', async () => {
    const res = await admin.call('fixtures.create', { title: 'x'.repeat(1_100_000), dueOn: null, amount: null });
    expect(res.status).toBe(413);
    expect(res.error.code).toBe('payload_too_large');
  });

  it('answers 404 not_found for an unknown action', async () => {
    const res = await admin.callRaw('cases.nonexistent', {});
    expect(res.status).toBe(404);
    expect(res.error.code).toBe('not_found');
  });

  it('answers 401 without a session and 403 forbidden without the permission', async () => {
    const anon = t.client();
    expect((await anon.call('system.get')).status).toBe(401);
    const sportello = await t.as('sportello');
    const res = await sportello.call('system.get');
    expect(res.status).toBe(403);
    expect(res.error.code).toBe('forbidden');
  });

  // The web client renews its token on exactly this answer (apps/web/src/lib/api.ts; its unit test
  // uses this body, tests/e2e/csrf.e2e.test.ts the live one).
  it('refuses a mutation without the CSRF token: 403 csrf_invalid at path x-csrf-token', async () => {
    const res = await admin.call('fixtures.create', { title: 'a', dueOn: null, amount: null }, { headers: { 'x-csrf-token': 'wrong' } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      code: 'csrf_invalid',
      message: 'Token di sicurezza mancante o scaduto: ricaricare la pagina.',
      details: [{ path: 'x-csrf-token', message: 'Token di sicurezza mancante o scaduto: ricaricare la pagina.' }],
      requestId: expect.any(String),
    });
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM fixture_note WHERE title = 'a'`.execute(t.database.db);
    expect(count.rows[0]!.n).toBe(0);
  });
});

describe('wire contract: values', () => {
  it('keeps date-only values and money as strings end to end', async () => {
    const created = await admin.call('fixtures.create', { title: 'scadenza', dueOn: '1999-12-31', amount: '1234.50' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ dueOn: '1999-12-31', amount: '1234.50', version: 0 });
    const read = await admin.call('fixtures.get', { id: created.body.id }, { method: 'GET' });
    expect(read.status).toBe(200);
    expect(read.body.dueOn).toBe('1999-12-31');
    const raw = await sql<{ due_on: unknown }>`SELECT due_on FROM fixture_note WHERE id = ${created.body.id}`.execute(t.database.db);
    expect(raw.rows[0]!.due_on).toBe('1999-12-31');
  });

  it('answers 409 conflict to an update with a stale version and keeps the newer data', async () => {
    const created = await admin.call('fixtures.create', { title: 'v0', dueOn: null, amount: null });
    const first = await admin.call('fixtures.update', { id: created.body.id, version: 0, title: 'v1' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    const stale = await admin.call('fixtures.update', { id: created.body.id, version: 0, title: 'v1-bis' });
    expect(stale.status).toBe(409);
    expect(stale.error.code).toBe('conflict');
    const read = await admin.call('fixtures.get', { id: created.body.id });
    expect(read.body).toMatchObject({ title: 'v1', version: 1 });
    const missing = await admin.call('fixtures.update', { id: crypto.randomUUID(), version: 0, title: 'x' });
    expect(missing.status).toBe(404);
  });

  it('leaves nothing half-written when an action crashes after writing, and audits the failure', async () => {
    const res = await admin.call('fixtures.create', { title: 'crash-me', dueOn: null, amount: null, crashAfterWrite: true });
    expect(res.status).toBe(500);
    expect(res.error.code).toBe('internal');
    expect(res.error.message).not.toMatch(/simulated/);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM fixture_note WHERE title = 'crash-me'`.execute(t.database.db);
    expect(rows.rows[0]!.n).toBe(0);
    const audit = await sql<{ outcome: string }>`SELECT outcome FROM audit_event WHERE request_id = ${res.error.requestId}`.execute(t.database.db);
    expect(audit.rows).toEqual([{ outcome: 'failed' }]);
  });
});

describe('wire contract: idempotent retries', () => {
  it('replays the stored response for the same Idempotency-Key and does the work once', async () => {
    const headers = { 'idempotency-key': `note-${crypto.randomUUID()}` };
    const input = { title: 'una volta sola', dueOn: null, amount: '10.00' };
    const first = await admin.call('fixtures.create', input, { headers });
    const second = await admin.call('fixtures.create', input, { headers });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM fixture_note WHERE title = 'una volta sola'`.execute(t.database.db);
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('refuses the same key with a different request', async () => {
    const headers = { 'idempotency-key': `note-${crypto.randomUUID()}` };
    await admin.call('fixtures.create', { title: 'a1', dueOn: null, amount: null }, { headers });
    const other = await admin.call('fixtures.create', { title: 'a2', dueOn: null, amount: null }, { headers });
    expect(other.status).toBe(422);
    expect(other.error.code).toBe('precondition_failed');
  });
});

describe('audit of requests', () => {
  it('writes one row per mutation in the transaction and one per denied request after rollback', async () => {
    const ok = await admin.call('fixtures.create', { title: 'audited', dueOn: null, amount: null });
    const denied = await (await t.as('sportello')).call('fixtures.create', { title: 'no', dueOn: null, amount: null });
    expect(denied.status).toBe(403);
    const rows = await sql<{ action: string; outcome: string; operator_id: string | null; targets: unknown }>`
      SELECT action, outcome, operator_id, targets FROM audit_event WHERE action = 'fixtures.create' AND outcome IN ('ok','denied')
        AND (targets @> ${JSON.stringify([{ id: ok.body.id }])}::jsonb OR outcome = 'denied')`.execute(t.database.db);
    expect(rows.rows.filter((r) => r.outcome === 'ok')).toHaveLength(1);
    expect(rows.rows.some((r) => r.outcome === 'denied' && r.operator_id !== null)).toBe(true);
  });
});
