/**
 * The simulator enforces the PDND/ModI contract of standards.md §5.1–§5.2: each request below is a
 * correct one with exactly one thing broken, and must be refused with the right status and error.
 * Then fault injection: the client turns timeouts and garbage into RegistryUnavailableError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANPR_SERVICES } from './anpr-transport.js';
import { bodyDigest, modiAudience, signedHeaders, trackingEvidence } from './modi-headers.js';
import { PdndVoucherProvider } from './pdnd-voucher.js';
import { RegistryUnavailableError } from './registry-errors.js';
import { OPERATOR, simulatorKit, type SimulatorKit } from './registry-test-kit.js';

let kit: SimulatorKit;
beforeAll(async () => {
  kit = await simulatorKit({ residents: 100 });
});
afterAll(async () => {
  await kit.close();
});

const user = { userID: 'op-9', userLocation: 'Ufficio di piano', LoA: 'SPID_L2' };
const service = ANPR_SERVICES.C015;

function validBody(overrides: Record<string, unknown> = {}) {
  const r = kit.sim.residents.list()[0]!;
  return {
    idOperazioneClient: String(Date.now()),
    criteriRicerca: { idANPR: r.idANPR },
    datiRichiesta: { dataRiferimentoRichiesta: new Date(kit.now()).toISOString().slice(0, 10), motivoRichiesta: 'Fascicolo 2026/17', casoUso: 'C015' },
    ...overrides,
  };
}

interface Tamper {
  body?: Record<string, unknown>;
  audience?: string;
  headers?: (h: Record<string, string>) => void;
  advanceBeforeCall?: number;
}

/** A correct C015 call, with one thing changed; returns status and parsed answer. */
async function call(t: Tamper = {}): Promise<{ status: number; body: Record<string, unknown>; contentType: string | null }> {
  const pdnd = new PdndVoucherProvider({ tokenUrl: kit.sim.tokenUrl, clientId: kit.clientId, key: kit.key, now: kit.now });
  const audience = modiAudience(kit.sim.url, service);
  const v = await pdnd.voucher({ purposeId: kit.purposeId, audience, user }, AbortSignal.timeout(5000));
  if (t.advanceBeforeCall) kit.advance(t.advanceBeforeCall);
  const text = JSON.stringify(t.body ?? validBody());
  const { headers } = await signedHeaders(kit.key, { clientId: kit.clientId, audience: t.audience ?? audience, body: text, voucher: v.accessToken, tracking: v.tracking.jwt, now: kit.now() });
  t.headers?.(headers);
  const res = await fetch(`${kit.sim.url}/${service}/v1/anpr-service-e002`, { method: 'POST', headers, body: text });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, contentType: res.headers.get('content-type') };
}

describe('the simulator refuses what ANPR refuses', () => {
  it('accepts the correct request (the baseline of every case below)', async () => {
    const res = await call();
    expect(res.status).toBe(200);
    expect(res.body.listaSoggetti).toBeTruthy();
  });

  it('a missing voucher → 401 AuthenticationRequired', async () => {
    const res = await call({ headers: (h) => delete h.authorization });
    expect(res.status).toBe(401);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body.title).toBe('AuthenticationRequired');
  });

  it('an expired voucher → 401 TokenAuthenticationFailed', async () => {
    const res = await call({ advanceBeforeCall: 601_000 });
    expect(res.status).toBe(401);
    expect(res.body.title).toBe('TokenAuthenticationFailed');
    expect(String(res.body.detail)).toMatch(/exp/);
  });

  it('a Digest that does not match the body → 400 InteroperabilityInvalidRequest', async () => {
    const other = bodyDigest(JSON.stringify(validBody({ idOperazioneClient: 'altro' })));
    // Signed consistently with the header, but not the digest of the bytes sent.
    const res = await call({
      headers: (h) => {
        h.digest = other;
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('InteroperabilityInvalidRequest');
    expect(String(res.body.detail)).toMatch(/digest/i);
    const body = validBody();
    const text = JSON.stringify(body);
    const pdnd = new PdndVoucherProvider({ tokenUrl: kit.sim.tokenUrl, clientId: kit.clientId, key: kit.key, now: kit.now });
    const audience = modiAudience(kit.sim.url, service);
    const v = await pdnd.voucher({ purposeId: kit.purposeId, audience, user }, AbortSignal.timeout(5000));
    const { headers } = await signedHeaders(kit.key, { clientId: kit.clientId, audience, body: text, voucher: v.accessToken, tracking: v.tracking.jwt, now: kit.now() });
    const tampered = await fetch(`${kit.sim.url}/${service}/v1/anpr-service-e002`, { method: 'POST', headers, body: text.replace('Fascicolo', 'Fascicolx') });
    expect(tampered.status).toBe(400);
    expect(((await tampered.json()) as { detail: string }).detail).toBe('Digest non corrisponde al corpo della richiesta');
  });

  it('a tracking evidence whose hash is not the voucher digest → 400', async () => {
    const other = await trackingEvidence(kit.key, { clientId: kit.clientId, audience: modiAudience(kit.sim.url, service), purposeId: kit.purposeId, user: { ...user, userID: 'someone-else' }, ttlSeconds: 600, now: kit.now() });
    const res = await call({
      headers: (h) => {
        h['agid-jwt-trackingevidence'] = other.jwt;
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('InteroperabilityInvalidRequest');
    expect(String(res.body.detail)).toMatch(/hash non corrisponde al digest del voucher/);
  });

  it('an aud with -PDND (the §5.1 pitfall) → 400 InteroperabilityInvalidRequest', async () => {
    const res = await call({ audience: `${kit.sim.url}/${service}/v1` });
    expect(`${kit.sim.url}/${service}/v1`).toContain('-PDND');
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('InteroperabilityInvalidRequest');
    expect(String(res.body.detail)).toMatch(/aud non valido, atteso .*MinInternoPortaANPR\/C015-servizioAccertamentoGeneralita\/v1$/);
    const withOperation = await call({ audience: `${modiAudience(kit.sim.url, service)}/anpr-service-e002` });
    expect(withOperation.status).toBe(400);
  });

  it('a request without motivoRichiesta → 400 RispostaKO naming the field', async () => {
    const body = validBody();
    const res = await call({ body: { ...body, datiRichiesta: { ...body.datiRichiesta, motivoRichiesta: undefined } } });
    expect(res.status).toBe(400);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body.listaErrori).toEqual([expect.objectContaining({ tipoErroreAnomalia: 'E', campoErroreAnomalia: 'datiRichiesta.motivoRichiesta' })]);
  });

  it('a casoUso of another e-service, or no idOperazioneClient → 400', async () => {
    const body = validBody();
    expect((await call({ body: { ...body, datiRichiesta: { ...body.datiRichiesta, casoUso: 'C021' } } })).status).toBe(400);
    const { idOperazioneClient: _omit, ...noId } = body;
    const res = await call({ body: noId });
    expect(res.status).toBe(400);
    expect(res.body.listaErrori).toEqual([expect.objectContaining({ campoErroreAnomalia: 'idOperazioneClient' })]);
  });

  it('the client reports a wrong audience override as rejected, not as garbage', async () => {
    const client = kit.client({ audience: kit.sim.url });
    const err = await client.lookup(kit.sim.residents.list()[1]!.fiscalCode, OPERATOR).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryUnavailableError);
    expect(err).toMatchObject({ reason: 'rejected', info: { service: 'C030', status: 400 } });
  });
});

describe('PDND token endpoint', () => {
  async function token(form: Record<string, string>) {
    const res = await fetch(kit.sim.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const pdnd = () => new PdndVoucherProvider({ tokenUrl: kit.sim.tokenUrl, clientId: kit.clientId, key: kit.key, now: kit.now });
  const form = (assertion: string) => ({ client_id: kit.clientId, client_assertion: assertion, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', grant_type: 'client_credentials' });

  it('issues a Bearer voucher for a valid client assertion, once per jti', async () => {
    const assertion = await pdnd().clientAssertion(kit.purposeId, 'a'.repeat(64));
    const ok = await token(form(assertion));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    const replay = await token(form(assertion));
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_request', error_description: 'jti già usato' } });
  });

  it('refuses another purpose, another grant and a foreign key', async () => {
    expect((await token(form(await pdnd().clientAssertion('another-purpose', null)))).status).toBe(403);
    expect((await token({ ...form(await pdnd().clientAssertion(kit.purposeId, null)), grant_type: 'password' })).status).toBe(400);
    const stranger = await simulatorKit({ residents: 10 });
    try {
      const foreign = new PdndVoucherProvider({ tokenUrl: kit.sim.tokenUrl, clientId: kit.clientId, key: stranger.key, now: kit.now });
      const res = await token(form(await foreign.clientAssertion(kit.purposeId, null)));
      expect(res).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    } finally {
      await stranger.close();
    }
  });
});

describe('faults: the client fails clearly, within its timeout, without retrying', () => {
  const someone = () => kit.sim.residents.list()[2]!.fiscalCode;
  const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as RegistryUnavailableError);

  it('timeout → reason timeout, within the configured deadline', async () => {
    const client = kit.client({ timeoutMs: 300 });
    kit.sim.injectFault({ mode: 'timeout', count: 1, target: 'anpr' });
    const t0 = Date.now();
    const err = await failure(client.lookup(someone(), OPERATOR));
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(err).toBeInstanceOf(RegistryUnavailableError);
    expect(err?.reason).toBe('timeout');
    expect(err?.userMessage).toBe("L'anagrafe non ha risposto in tempo");
  });

  it.each([
    ['garbage', 'bad_response'],
    ['garbage_json', 'bad_response'],
    ['http500', 'http_error'],
    ['http503', 'http_error'],
  ] as const)('%s → reason %s, and one attempt only', async (mode, reason) => {
    const client = kit.client();
    await client.lookup(someone(), OPERATOR); // vouchers cached: the fault hits the e-service
    const before = kit.calls.length;
    kit.sim.injectFault({ mode, count: 1, target: 'anpr' });
    const err = await failure(client.lookup(someone(), OPERATOR));
    expect(err).toBeInstanceOf(RegistryUnavailableError);
    expect(err?.reason).toBe(reason);
    const attempts = kit.calls.slice(before);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ service: 'C030', outcome: reason });
    await expect(client.lookup(someone(), OPERATOR)).resolves.toMatchObject({ person: { fiscalCode: someone() } });
  });

  it('a failing token endpoint is reported too', async () => {
    kit.sim.injectFault({ mode: 'http503', count: 1, target: 'token' });
    const err = await failure(kit.client().lookup(someone(), { ...OPERATOR, operatorId: 'fresh-operator' }));
    expect(err).toMatchObject({ reason: 'http_error', info: { service: 'token', status: 503 } });
    kit.sim.injectFault({ mode: 'garbage_json', count: 1, target: 'token' });
    expect(await failure(kit.client().lookup(someone(), { ...OPERATOR, operatorId: 'fresh-operator-2' }))).toMatchObject({ reason: 'bad_response' });
  });

  it('garbage in the change feed → bad_response', async () => {
    const r = kit.sim.residents.list()[3]!;
    kit.sim.injectFault({ mode: 'garbage', target: 'anpr' });
    const err = await failure(kit.client().changes([{ personId: 'x', fiscalCode: r.fiscalCode, anprId: r.idANPR }], null));
    expect(err).toMatchObject({ reason: 'bad_response', info: { service: 'C001' } });
  });
});
