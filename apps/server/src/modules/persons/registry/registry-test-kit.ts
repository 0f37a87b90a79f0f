/**
 * For the registry tests: the ANPR simulator on an ephemeral port with a fresh ES256 client key,
 * a shared movable clock, and ANPR clients pointed at it whose call log is collected.
 */
import { exportJWK, generateKeyPair } from 'jose';
import { startAnprSimulator, type AnprSimulator } from '../../../anpr-simulator/index.js';
import { AnprClient, type AnprClientOptions } from './anpr-client.js';
import { ANPR_SERVICES } from './anpr-transport.js';
import type { ClientKey } from './modi-headers.js';
import type { RegistryCall, RegistryCallLogEntry, RegistryLogger } from './registry-client.js';

export interface SimulatorKit {
  sim: AnprSimulator;
  key: ClientKey;
  clientId: string;
  purposeId: string;
  /** Every call-log entry written by clients made with `client()`. */
  calls: RegistryCallLogEntry[];
  logLines: Array<{ level: 'info' | 'warn'; obj: object }>;
  logger: RegistryLogger;
  now(): number;
  /** Moves the clock of the simulator and of the clients. */
  advance(ms: number): void;
  client(overrides?: Partial<AnprClientOptions>): AnprClient;
  close(): Promise<void>;
}

export const OPERATOR: RegistryCall = { operatorId: 'op-0001', officeLabel: 'Segretariato Sociale Città di Castello', loa: 'SPID_L2', reason: 'Prot. 1234/2026' };

export const allPurposes = (id: string) => Object.fromEntries(Object.keys(ANPR_SERVICES).map((c) => [c, id]));

export async function simulatorKit(opts: { residents?: number; seed?: number; voucherTtlSeconds?: number } = {}): Promise<SimulatorKit> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = 'test-kid';
  const clientId = 'test-client';
  const purposeId = 'b7a7c1f0-0000-4000-8000-000000000001';
  let offset = 0;
  const now = () => Date.now() + offset;
  const sim = await startAnprSimulator({
    clientPublicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' },
    clientId,
    purposeId,
    seed: opts.seed ?? 7,
    residents: opts.residents ?? 400,
    clock: now,
    ...(opts.voucherTtlSeconds ? { voucherTtlSeconds: opts.voucherTtlSeconds } : {}),
  });
  const key: ClientKey = { key: privateKey, alg: 'ES256', kid };
  const calls: RegistryCallLogEntry[] = [];
  const logLines: SimulatorKit['logLines'] = [];
  const logger: RegistryLogger = { info: (obj) => logLines.push({ level: 'info', obj }), warn: (obj) => logLines.push({ level: 'warn', obj }) };
  return {
    sim, key, clientId, purposeId, calls, logLines, logger, now,
    advance: (ms) => {
      offset += ms;
    },
    client: (overrides = {}) => new AnprClient({
      baseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      clientId,
      key,
      purposeIds: allPurposes(purposeId),
      // Generous: a loaded CI machine (phases run side by side) must not turn a slow answer into a timeout; timeout tests pass their own.
      timeoutMs: 15_000,
      logger,
      onCall: (e) => calls.push({ ...e }),
      now,
      ...overrides,
    }),
    close: () => sim.close(),
  };
}
