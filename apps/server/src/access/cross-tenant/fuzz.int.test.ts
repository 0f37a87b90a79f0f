import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts } from '@siso/shared';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { placementOf } from '../../testing/placement.js';
import { issueSearchToken } from '../../modules/persons/search-token.js';
import { operationsOf, type Operation } from './attack.js';
import { fuzzCases, type FuzzCase } from './fuzz-cases.js';
import type { Owners } from './owner-ids.js';
import { buildOwners } from './owners.js';
import type { Attacker } from './template-context.js';
import { templates } from './templates.js';
import { todayInRome } from '../../documents/rome-time.js';

/**
 * Fuzz pass over every operation of the OpenAPI document (issue 10, item 9): missing body, wrong
 * content types, bodies of the wrong JSON type, a wrong type in each field, NUL bytes and lone
 * surrogates in each string, 1 MB strings, 5,000 levels of nesting, and for queries enormous, broken
 * or NUL-carrying `?input=` — sent by a persona that holds the action's permission (with its context
 * and CSRF token), on bodies built from real records so they reach the handlers. No answer may be 5xx.
 */
let t: TestApp;
let owners: Owners;
let ops: Operation[];
let doc: { paths: Record<string, Record<string, { operationId?: string; requestBody?: { content: Record<string, { schema: unknown }> } }>> };
const clients = new Map<string, { client: TestClient; permissions: Set<string> }>();
const actors = ['responsabile', 'sportello', 'admin', 'dpo', 'sysadmin', 'terzosettore'];
/** Session actions (logout, password change, TOTP) run as a persona nobody else uses here. */
const SESSION_PERSONA = 'regione2';
const today = todayInRome();
let requests = 0;
const started = Date.now();

beforeAll(async () => {
  t = await createTestApp();
  owners = await buildOwners(t);
  doc = (await t.app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  ops = operationsOf(doc);
  for (const u of [...actors, SESSION_PERSONA]) {
    const client = await t.as(u);
    const me = await client.call('auth.me', {});
    clients.set(u, { client, permissions: new Set(me.body.permissions) });
  }
}, 300_000);

afterAll(async () => {
  console.log(`fuzz: ${requests} requests over ${ops?.length ?? 0} operations, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await t?.close();
});

/** Who sends an action's cases: a persona holding its permission (an owner first: real records behind the ids). */
function senderOf(action: string): string {
  if (action.startsWith('auth.')) return SESSION_PERSONA;
  return actors.find((u) => clients.get(u)!.permissions.has(action)) ?? 'responsabile';
}

async function attackerOf(username: string): Promise<Attacker> {
  const at = await placementOf(t.database.db, username);
  const [p, i, s] = [owners.persons[0]!, owners.intakes[0]!, owners.serviceRequests[0]!];
  return {
    username: username === SESSION_PERSONA ? 'sysadmin2' : username, operatorId: at.operatorId, ambitoId: at.ambitoId, enteId: at.enteId, officeId: at.officeId, deskOfficeId: owners.sspOfficeId,
    own: { personId: p.id, personVersion: p.version, intakeId: i.id, intakeVersion: i.version, serviceRequestId: s.id, serviceRequestVersion: s.version },
    searchToken: issueSearchToken(t.app.services.config, at.operatorId),
  };
}

async function send(username: string, action: string, c: FuzzCase): Promise<{ status: number; body: string }> {
  const { client } = clients.get(username)!;
  const headers: Record<string, string> = {};
  if (c.contentType) headers['content-type'] = c.contentType;
  const go = async () => {
    if (client.cookie) headers.cookie = client.cookie;
    if (client.csrf) headers['x-csrf-token'] = client.csrf;
    requests += 1;
    return t.app.server.inject({ method: c.method, url: c.method === 'GET' ? `/api/${action}?${c.query ?? ''}` : `/api/${action}`, headers, payload: c.payload });
  };
  let r = await go();
  if (r.statusCode === 401 && action !== 'auth.login' && (await client.call('auth.login', { username, password: 'demo-siso-2026' })).status === 200) r = await go();
  return { status: r.statusCode, body: r.body };
}

describe('fuzz pass (OpenAPI-driven)', () => {
  it('no malformed request to any operation is answered 5xx', async () => {
    const errors: string[] = [];
    // Session-ending actions last, the password change very last (its failures lock the persona).
    const weight = (o: Operation) => (o.action === 'auth.changePassword' ? 2 : o.action?.startsWith('auth.') ? 1 : 0);
    const byAction = [...new Set(ops.filter((o) => o.action).sort((a, b) => weight(a) - weight(b)).map((o) => o.action!))];
    expect(byAction.length).toBeGreaterThan(80);
    for (const action of byAction) {
      const template = templates[action];
      expect(template, `${action} has no body template`).toBeDefined();
      const username = senderOf(action);
      const base = template!({ o: owners, a: await attackerOf(username), today })[0] as Record<string, unknown>;
      const post = ops.find((o) => o.action === action && o.method === 'POST')!;
      const schema = doc.paths[post.path]!.post!.requestBody!.content['application/json']!.schema as Parameters<typeof fuzzCases>[1];
      const isQuery = (contracts as Record<string, { kind: string }>)[action]?.kind === 'query';
      for (const c of fuzzCases(base, schema, isQuery)) {
        const r = action === 'auth.login' ? await sendAnonymous(action, c) : await send(username, action, c);
        if (r.status >= 500) errors.push(`${action} (${action === 'auth.login' ? 'no session' : username}) ${c.label}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
      }
    }
    expect(errors).toEqual([]);
  }, 600_000);

  it('over a real socket, an enormous URL or header is refused with a 4xx', async () => {
    await t.app.server.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.addresses()[0] as { port: number }).port;
    const errors: string[] = [];
    const queries = ops.filter((o) => o.method === 'GET' && o.action);
    for (const o of queries) {
      requests += 1;
      const r = await fetch(`http://127.0.0.1:${port}/api/${o.action}?input=${'x'.repeat(1024 * 1024)}`).catch((e: unknown) => ({ status: 0, text: async () => String(e) }));
      if (r.status >= 500 || r.status === 0) errors.push(`${o.action} enormous URL: HTTP ${r.status} ${(await r.text()).slice(0, 200)}`);
    }
    requests += 1;
    const big = await fetch(`http://127.0.0.1:${port}/api/auth.me`, { headers: { 'x-big': 'y'.repeat(64 * 1024) } }).catch((e: unknown) => ({ status: 0, text: async () => String(e) }));
    if (big.status >= 500 || big.status === 0) errors.push(`enormous header: HTTP ${big.status} ${(await big.text()).slice(0, 200)}`);
    expect(errors).toEqual([]);
  }, 120_000);
});

async function sendAnonymous(action: string, c: FuzzCase): Promise<{ status: number; body: string }> {
  requests += 1;
  const r = await t.app.server.inject({
    method: c.method, url: c.method === 'GET' ? `/api/${action}?${c.query ?? ''}` : `/api/${action}`,
    headers: c.contentType ? { 'content-type': c.contentType } : {}, payload: c.payload,
  });
  return { status: r.statusCode, body: r.body };
}
