/**
 * The registry client chosen by the configuration (SISO_REGISTRY, docs/registry.md):
 * - `none`: no registry;
 * - `anpr`: ANPR through PDND with the ente's client key and purposes;
 * - `municipal`: a municipal registry endpoint with an API key;
 * - `simulator`: the ANPR contract simulator started in this process on an ephemeral port, with a
 *   fresh key pair, and the real ANPR client pointed at it (so the demo can "load from ANPR").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { exportJWK, generateKeyPair } from 'jose';
import { startAnprSimulator, type AnprSimulator } from '../../../anpr-simulator/index.js';
import { AnprClient } from './anpr-client.js';
import { ANPR_SERVICES, type AnprUseCase } from './anpr-transport.js';
import { loadClientKey } from './modi-headers.js';
import { MunicipalRegistryClient } from './municipal-client.js';
import { NoneRegistryClient } from './none-client.js';
import type { RegistryCallSink, RegistryClient, RegistryLogger } from './registry-client.js';

/** `config.registry` (apps/server/src/config/config.ts). */
export interface RegistrySettings {
  kind: 'none' | 'anpr' | 'municipal' | 'simulator';
  timeoutMs: number;
  anpr: {
    baseUrl: string;
    audience: string | null;
    tokenUrl: string;
    assertionAudience: string | null;
    clientId: string | null;
    keyId: string | null;
    privateKeyFile: string | null;
    /** Purpose id by use case ("C030" → uuid). */
    purposeIds: Readonly<Record<string, string>>;
  };
  municipal: { url: string | null; apiKey: string | null };
}

export interface RegistryHandle {
  client: RegistryClient;
  /** Only with `simulator`: the in-process simulator (admin API for demos and tests). */
  simulator: AnprSimulator | null;
  close(): Promise<void>;
}

export interface StartRegistryOptions {
  /** Receives every call-log entry (the caller audits them). */
  onCall?: RegistryCallSink;
  /** Residents of the in-process simulator (default 2000). */
  simulatorResidents?: number;
}

function purposes(ids: Readonly<Record<string, string>>): Partial<Record<AnprUseCase, string>> {
  return Object.fromEntries(Object.entries(ids).filter(([code]) => code in ANPR_SERVICES)) as Partial<Record<AnprUseCase, string>>;
}

function required(value: string | null, key: string): string {
  if (!value) throw new Error(`${key} è obbligatorio con SISO_REGISTRY=anpr`);
  return value;
}

async function startSimulated(settings: RegistrySettings, logger: RegistryLogger, opts: StartRegistryOptions): Promise<RegistryHandle> {
  // EC P-256 (ES256): generated in milliseconds, where an RSA key takes up to a second at each start.
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `siso-sim-${crypto.randomBytes(4).toString('hex')}`;
  const clientId = `siso-sim-client-${crypto.randomBytes(4).toString('hex')}`;
  const purposeId = crypto.randomUUID();
  const simulator = await startAnprSimulator({
    clientPublicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
    clientId,
    purposeId,
    seed: 42,
    residents: opts.simulatorResidents ?? 2000,
  });
  logger.info({ event: 'registry.simulator', url: simulator.url, tokenUrl: simulator.tokenUrl }, `simulatore ANPR in ascolto su ${simulator.origin}`);
  const client = new AnprClient({
    baseUrl: simulator.url,
    tokenUrl: simulator.tokenUrl,
    clientId,
    key: { key: privateKey, alg: 'ES256', kid },
    purposeIds: Object.fromEntries(Object.keys(ANPR_SERVICES).map((c) => [c, purposeId])),
    timeoutMs: settings.timeoutMs,
    logger,
    onCall: opts.onCall,
  });
  return { client, simulator, close: () => simulator.close() };
}

/** Builds the configured client (and, for `simulator`, starts the simulator). Call close() at shutdown. */
export async function startRegistry(config: { registry: RegistrySettings }, logger: RegistryLogger, opts: StartRegistryOptions = {}): Promise<RegistryHandle> {
  const s = config.registry;
  const done = async () => undefined;
  switch (s.kind) {
    case 'none':
      return { client: new NoneRegistryClient(), simulator: null, close: done };
    case 'simulator':
      return startSimulated(s, logger, opts);
    case 'municipal':
      return {
        client: new MunicipalRegistryClient({
          url: required(s.municipal.url, 'SISO_MUNICIPAL_REGISTRY_URL'),
          apiKey: required(s.municipal.apiKey, 'SISO_MUNICIPAL_REGISTRY_API_KEY'),
          timeoutMs: s.timeoutMs,
          logger,
          onCall: opts.onCall,
        }),
        simulator: null,
        close: done,
      };
    case 'anpr': {
      const a = s.anpr;
      const pem = fs.readFileSync(required(a.privateKeyFile, 'SISO_PDND_PRIVATE_KEY_FILE'), 'utf8');
      const key = await loadClientKey(pem, required(a.keyId, 'SISO_PDND_KEY_ID'));
      const client = new AnprClient({
        baseUrl: a.baseUrl,
        audience: a.audience,
        tokenUrl: a.tokenUrl,
        assertionAudience: a.assertionAudience,
        clientId: required(a.clientId, 'SISO_PDND_CLIENT_ID'),
        key,
        purposeIds: purposes(a.purposeIds),
        timeoutMs: s.timeoutMs,
        logger,
        onCall: opts.onCall,
      });
      return { client, simulator: null, close: done };
    }
  }
}
