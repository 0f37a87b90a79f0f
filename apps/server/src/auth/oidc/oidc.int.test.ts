import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider (test-only dev dependency) ships no type declarations
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, whose interaction page logs in the
 * account named by ?login_hint at once and whose grant covers every scope: the flow is driven with
 * plain HTTP requests, following redirects by hand (no browser needed).
 */
const REDIRECT = 'http://siso.test/api/auth/oidc/callback';
let t: TestApp;
let issuer: http.Server;
let fiscalCodes: Record<string, string> = {};

interface ProviderCtx {
  oidc: { client: { clientId: string }; session: { accountId: string }; provider: { Grant: new (o: object) => Grant } };
}
interface Grant {
  addOIDCScope(s: string): void;
  addOIDCClaims(c: string[]): void;
  save(): Promise<string>;
}

async function startProvider(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(url, {
    clients: [{ client_id: 'siso', client_secret: 'segreto-di-prova', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['fiscal_number', 'name'] },
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, name: id, fiscal_number: fiscalCodes[id] }) }),
    loadExistingGrant: async (ctx: ProviderCtx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(['fiscal_number', 'name']);
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['chiave-cookie-di-prova'] },
    pkce: { required: () => true },
  });
  const callback = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        const details = await provider.interactionDetails(req, res);
        const account = String(details.params.login_hint ?? 'nobody');
        await provider.interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
      })().catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    callback(req, res);
  });
  issuer = server;
  return url;
}

/** Follows the provider's redirects with its cookies until it sends the browser back to SISO. */
async function throughProvider(authUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authUrl;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      jar.set(k!, v ?? '');
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${await res.text()}`);
    const next = new URL(location, url).href;
    if (next.startsWith(REDIRECT)) return next;
    url = next;
  }
  throw new Error('too many redirects');
}

async function oidcLogin(account: string): Promise<{ location: string; cookie?: string }> {
  const start = await t.app.server.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const authUrl = new URL(start.headers.location as string);
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  authUrl.searchParams.set('login_hint', account);
  const state = start.cookies.find((c) => c.name === 'siso_oidc')!;
  const back = new URL(await throughProvider(authUrl.href));
  const done = await t.app.server.inject({ method: 'GET', url: `${back.pathname}${back.search}`, cookies: { siso_oidc: state.value } });
  expect(done.statusCode).toBe(302);
  const sid = done.cookies.find((c) => c.name === 'siso_sid');
  return { location: done.headers.location as string, cookie: sid?.value ? `siso_sid=${sid.value}` : undefined };
}

beforeAll(async () => {
  const url = await startProvider();
  t = await createTestApp({
    config: { SISO_OIDC_ISSUER: url, SISO_OIDC_CLIENT_ID: 'siso', SISO_OIDC_CLIENT_SECRET: 'segreto-di-prova', SISO_OIDC_REDIRECT_URI: REDIRECT, SISO_OIDC_SCOPES: 'openid profile' },
  });
  const ops = await t.database.db.selectFrom('operator').select(['username', 'fiscal_code']).execute();
  fiscalCodes = Object.fromEntries(ops.map((o) => [o.username, `TINIT-${o.fiscal_code}`]));
  fiscalCodes.stranger = 'TINIT-RSSMRA80A01H501U';
});
afterAll(async () => {
  await t?.close();
  issuer?.close();
});

describe('OpenID Connect login', () => {
  it('is announced by auth.config', async () => {
    expect((await t.client().call('auth.config', {}, { method: 'GET' })).body).toEqual({ oidc: true, passwordLogin: true });
  });

  it('maps the fiscal code to the operator and opens a session with its only context', async () => {
    const { location, cookie } = await oidcLogin('assistente');
    expect(location).toBe('/');
    const c = t.client();
    c.cookie = cookie;
    const me = await c.call('auth.me');
    expect(me.status).toBe(200);
    expect(me.body.operator.username).toBe('assistente');
    expect(me.body.context!.enteName).toBe('Comune di Città di Castello');
    expect((await c.call('alerts.find')).status).toBe(200);
  });

  it('still asks for TOTP when a profile requires it and the provider is not declared multi-factor', async () => {
    await t.database.db.updateTable('profile').set({ requires_totp: true }).where('code', '=', 'responsabile_settore').execute();
    try {
      const { cookie } = await oidcLogin('responsabile');
      const c = t.client();
      c.cookie = cookie;
      const me = await c.call('auth.me');
      expect(me.status).toBe(200);
      expect(me.body.status).toBe('totp_required');
      expect(me.body.context).toBeNull();
      expect((await c.call('alerts.find')).status).toBe(403);
    } finally {
      await t.database.db.updateTable('profile').set({ requires_totp: false }).where('code', '=', 'responsabile_settore').execute();
    }
  });

  it('sends an unknown fiscal code back to the login page and audits it', async () => {
    const { location, cookie } = await oidcLogin('stranger');
    expect(location).toBe('/login?error=oidc_unknown');
    expect(cookie).toBeUndefined();
    const audit = await t.database.db.selectFrom('audit_event').select(['outcome', 'details']).where('action', '=', 'auth.oidcLogin').where('outcome', '=', 'denied').execute();
    expect(audit.some((a) => (a.details as { reason?: string }).reason === 'unknown_fiscal_code')).toBe(true);
  });

  it('refuses a callback without the state cookie', async () => {
    const res = await t.app.server.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?error=oidc_failed');
  });
});

describe('without OIDC configuration', () => {
  it('auth.config says so and the routes do not exist', async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.client().call('auth.config')).body).toEqual({ oidc: false, passwordLogin: true });
      expect((await plain.app.server.inject({ method: 'GET', url: '/api/auth/oidc/start' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
