/**
 * ANPR contract simulator (issue 4 point 8): a separate small HTTP server implementing the PDND
 * token endpoint, the ANPR e-services with their ModI checks (standards.md §5), a C001-like change
 * feed, the municipal registry contract and test/admin endpoints, over synthetic residents.
 * It imports nothing from the server but `@siso/shared`; started by the tests, by
 * `npm run anpr:simulator`, and in-process by the server with SISO_REGISTRY=simulator.
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import type { JWK } from 'jose';
import { ChangeFeed, type FeedEntry, type SimChangeInput } from './changes.js';
import { GARBAGE_BODY, GARBAGE_JSON_BODY, FaultQueue, type Fault } from './faults.js';
import { generateResidents } from './generate.js';
import { ResidentStore, type ResidentInput, type SimResident } from './residents.js';
import { registerAdminRoutes } from './routes-admin.js';
import { GOVWAY_PREFIX, registerAnprRoutes, type SimCall } from './routes-anpr.js';
import { registerMunicipalRoutes } from './routes-municipal.js';
import { SimSecurity } from './security.js';
import { SIM_SERVICES } from './wire.js';

export interface AnprSimulatorOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  host?: '127.0.0.1' | string;
  seed?: number;
  /** Synthetic residents generated at start (default 2000; whole households, so a few more). */
  residents?: number;
  /** Belfiore codes of the comuni of residence (default: the demo region's four comuni). */
  residenceComuni?: readonly string[];
  /** "Today" of the generated population (default 2025-01-01, so a seed always gives the same people). */
  referenceDate?: string;
  /** The PDND client's public key the simulator trusts (client assertion and Agid JWTs). */
  clientPublicJwk: JWK;
  clientId: string;
  purposeId: string;
  /** API key of the municipal registry contract (default: random, returned in the handle). */
  municipalApiKey?: string;
  voucherTtlSeconds?: number;
  /** Clock in ms (tests move it to expire vouchers); default Date.now. */
  clock?: () => number;
}

export interface SimResidentsAdmin {
  /** By fiscal code or idANPR. */
  get(key: string): SimResident | undefined;
  list(): SimResident[];
  household(key: string): SimResident[];
  /** A new resident; throws if the fiscal code exists. */
  add(input: ResidentInput): SimResident;
  upsert(input: ResidentInput): SimResident;
}

export interface AnprSimulator {
  /** ANPR base URL, as SISO_ANPR_BASE_URL: `<origin>/govway/rest/in/MinInternoPortaANPR-PDND`. */
  url: string;
  /** PDND token endpoint, as SISO_PDND_TOKEN_URL. */
  tokenUrl: string;
  origin: string;
  /** Municipal registry base URL (`<origin>/municipal/v1`) and its API key. */
  municipalUrl: string;
  municipalApiKey: string;
  /** E-service path names by use case ("C030" → "C030-servizioAccertamentoIdUnicoNazionale"). */
  services: Readonly<Record<string, string>>;
  residents: SimResidentsAdmin;
  recordChange(change: SimChangeInput): FeedEntry[];
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** The last e-service calls received (service, idOperazioneClient, userID, status). */
  calls(): readonly SimCall[];
  close(): Promise<void>;
}

const TIMEOUT_HOLD_MS = 120_000;

export async function startAnprSimulator(opts: AnprSimulatorOptions): Promise<AnprSimulator> {
  const clock = opts.clock ?? Date.now;
  const today = () => new Date(clock()).toISOString().slice(0, 10);
  const store = new ResidentStore(today, (s) =>
    generateResidents(s, { seed: opts.seed ?? 42, residents: opts.residents ?? 2000, residenceComuni: opts.residenceComuni, referenceDate: opts.referenceDate ?? '2025-01-01' }),
  );
  const feed = new ChangeFeed(store, () => new Date(clock()));
  const faults = new FaultQueue();
  const calls: SimCall[] = [];
  const municipalApiKey = opts.municipalApiKey ?? crypto.randomBytes(18).toString('base64url');
  const holds = new Set<() => void>();

  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 2 * 1024 * 1024 });
  // Bodies stay strings: the Digest header is checked on the exact bytes received.
  app.addContentTypeParser(['application/json', 'application/problem+json'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, new URLSearchParams(body as string)));

  // GovWay stamps every answer with its transaction id (logged by the client, §5.1).
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/govway/') || req.url.startsWith('/token')) reply.header('GovWay-Transaction-ID', crypto.randomUUID());
  });
  app.addHook('onRequest', async (req, reply) => {
    const mode = faults.take(req.url);
    if (!mode) return;
    if (mode === 'timeout') {
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, TIMEOUT_HOLD_MS);
        function done() {
          clearTimeout(t);
          holds.delete(done);
          resolve();
        }
        holds.add(done);
        req.raw.socket.once('close', done);
      });
      return reply.code(504).send({ title: 'GatewayTimeout' });
    }
    if (mode === 'http500') return reply.code(500).type('application/problem+json').send({ title: 'InternalServerError', status: 500 });
    if (mode === 'http503') return reply.code(503).type('text/plain').send('Service Unavailable');
    return reply.code(200).type('application/json').send(mode === 'garbage' ? GARBAGE_BODY : GARBAGE_JSON_BODY);
  });

  // Routes are registered before listening; the security checks need the port, known only after.
  let security: SimSecurity | null = null;
  const sec = (): SimSecurity => {
    if (!security) throw new Error('simulatore ANPR non ancora avviato');
    return security;
  };
  app.post('/token.oauth2', async (req, reply) => {
    const form = req.body instanceof URLSearchParams ? req.body : new URLSearchParams();
    const { status, body } = await sec().issueVoucher(form);
    return reply.code(status).type('application/json').send(body);
  });
  registerAnprRoutes(app, { get security() { return sec(); }, store, feed, today, calls });
  registerMunicipalRoutes(app, { store, feed, apiKey: municipalApiKey });
  registerAdminRoutes(app, { store, feed, faults, calls });

  await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('simulatore ANPR: indirizzo non disponibile');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  const tokenUrl = `${origin}/token.oauth2`;
  security = new SimSecurity({
    clientId: opts.clientId,
    purposeId: opts.purposeId,
    clientPublicJwk: opts.clientPublicJwk,
    tokenUrl,
    audienceBase: `${origin}/govway/rest/in/MinInternoPortaANPR`,
    voucherTtlSeconds: opts.voucherTtlSeconds ?? 600,
    now: clock,
  });

  return {
    url: `${origin}${GOVWAY_PREFIX}`,
    tokenUrl,
    origin,
    municipalUrl: `${origin}/municipal/v1`,
    municipalApiKey,
    services: Object.fromEntries(Object.entries(SIM_SERVICES).map(([name, code]) => [code, name])),
    residents: {
      get: (key) => store.get(key),
      list: () => store.list(),
      household: (key) => store.household(key),
      add(input) {
        if (store.get(input.fiscalCode)) throw new Error(`residente già presente: ${input.fiscalCode}`);
        return store.upsert(input);
      },
      upsert: (input) => store.upsert(input),
    },
    recordChange: (change) => feed.record(change),
    injectFault: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    calls: () => calls,
    async close() {
      for (const release of [...holds]) release();
      await app.close();
    },
  };
}
