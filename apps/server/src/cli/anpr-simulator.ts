/**
 * `npm run anpr:simulator`: the ANPR contract simulator as a standalone server (docs/registry.md).
 * The PDND client key is read from ANPR_SIM_CLIENT_KEY (PEM), or generated once into
 * <SISO_DATA_DIR>/anpr-simulator/client-key.pem, so SISO can be pointed at the simulator with the
 * lines printed at start.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import { startAnprSimulator } from '../anpr-simulator/index.js';

const env = (k: string, d: string) => (process.env[k] && process.env[k] !== '' ? (process.env[k] as string) : d);

function clientKeyFile(): string {
  const given = process.env.ANPR_SIM_CLIENT_KEY;
  if (given) return path.resolve(given);
  const file = path.resolve(env('SISO_DATA_DIR', './data'), 'anpr-simulator', 'client-key.pem');
  if (!fs.existsSync(file)) {
    // RSA 2048, as PDND asks of client keys.
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return file;
}

async function main(): Promise<void> {
  const keyFile = clientKeyFile();
  const privateKey = crypto.createPrivateKey(fs.readFileSync(keyFile, 'utf8'));
  const alg = privateKey.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
  const kid = env('ANPR_SIM_KEY_ID', 'siso-anpr-sim-key');
  const clientId = env('ANPR_SIM_CLIENT_ID', 'siso-anpr-sim-client');
  const purposeId = env('ANPR_SIM_PURPOSE_ID', '0b0e5a5e-5150-4c0a-9e11-000000000001');
  const jwk: JWK = { ...(crypto.createPublicKey(privateKey).export({ format: 'jwk' }) as JWK), kid, alg, use: 'sig' };
  const sim = await startAnprSimulator({
    port: Number(env('ANPR_SIM_PORT', '8090')),
    host: env('ANPR_SIM_HOST', '127.0.0.1'),
    seed: Number(env('ANPR_SIM_SEED', '42')),
    residents: Number(env('ANPR_SIM_RESIDENTS', '2000')),
    clientPublicJwk: jwk,
    clientId,
    purposeId,
    ...(process.env.ANPR_SIM_MUNICIPAL_API_KEY ? { municipalApiKey: process.env.ANPR_SIM_MUNICIPAL_API_KEY } : {}),
  });
  const sample = sim.residents.list().slice(0, 3).map((r) => `${r.fiscalCode} (${r.surname} ${r.name})`).join(', ');
  console.log(`Simulatore ANPR in ascolto su ${sim.origin} — ${sim.residents.list().length} residenti sintetici (es. ${sample})

Per usarlo come ANPR via PDND, avviare SISO con:
  SISO_REGISTRY=anpr
  SISO_ANPR_BASE_URL=${sim.url}
  SISO_PDND_TOKEN_URL=${sim.tokenUrl}
  SISO_PDND_CLIENT_ID=${clientId}
  SISO_PDND_KEY_ID=${kid}
  SISO_PDND_PRIVATE_KEY_FILE=${keyFile}
  SISO_PDND_PURPOSE_ID=${purposeId}

oppure come anagrafe comunale:
  SISO_REGISTRY=municipal
  SISO_MUNICIPAL_REGISTRY_URL=${sim.municipalUrl}
  SISO_MUNICIPAL_REGISTRY_API_KEY=${sim.municipalApiKey}

Amministrazione (solo simulatore): ${sim.origin}/__sim/residents, /__sim/changes, /__sim/faults (docs/registry.md)`);
  const stop = () => {
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
