/**
 * startRegistry for each SISO_REGISTRY value (with an RS256 PEM key file for `anpr`, as PDND
 * clients use), and the ANPR → neutral mapping on shapes the simulator does not produce.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/config.js';
import { startAnprSimulator } from '../../../anpr-simulator/index.js';
import { toRegistryPerson } from './anpr-mapping.js';
import { datiSoggetto } from './anpr-wire.js';
import { startRegistry, type RegistrySettings } from './create-registry-client.js';
import { OPERATOR } from './registry-test-kit.js';

const quiet = { info: () => undefined, warn: () => undefined };
const settings = (over: Partial<RegistrySettings>): { registry: RegistrySettings } => ({
  registry: {
    kind: 'none',
    timeoutMs: 15_000,
    anpr: { baseUrl: 'http://x.invalid', audience: null, tokenUrl: 'http://x.invalid/token', assertionAudience: null, clientId: null, keyId: null, privateKeyFile: null, purposeIds: {} },
    municipal: { url: null, apiKey: null },
    ...over,
  },
});

describe('startRegistry', () => {
  it('none: no registry', async () => {
    const h = await startRegistry(settings({ kind: 'none' }), quiet);
    expect(h.client.source).toBe('none');
    await expect(h.client.lookup('RSSMRA80A01H501U', OPERATOR)).resolves.toMatchObject({ person: null });
    await expect(h.client.changes([], 'c1')).resolves.toEqual({ changes: [], cursor: 'c1', resolved: [], unknown: [] });
    await h.close();
  });

  it('simulator: the demo loads from the in-process ANPR simulator', async () => {
    const entries: unknown[] = [];
    const h = await startRegistry(settings({ kind: 'simulator' }), quiet, { simulatorResidents: 60, onCall: (e) => entries.push(e) });
    try {
      expect(h.client.source).toBe('anpr');
      const r = h.simulator!.residents.list()[0]!;
      const { person } = await h.client.lookup(r.fiscalCode, OPERATOR);
      expect(person?.anprId).toBe(r.idANPR);
      expect(entries.length).toBeGreaterThanOrEqual(4);
    } finally {
      await h.close();
    }
  });

  it('anpr: reads an RSA PEM key file and the purposes from the configuration (RS256)', async () => {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-anpr-'));
    const keyFile = path.join(dir, 'client.pem');
    fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const jwk = { ...(crypto.createPublicKey(privateKey).export({ format: 'jwk' }) as JWK), kid: 'k-rsa', alg: 'RS256' };
    const sim = await startAnprSimulator({ clientPublicJwk: jwk, clientId: 'ente-1', purposeId: 'purpose-rsa', residents: 50, seed: 3 });
    try {
      const config = loadConfig({
        SISO_REGISTRY: 'anpr',
        SISO_ANPR_BASE_URL: sim.url,
        SISO_PDND_TOKEN_URL: sim.tokenUrl,
        SISO_PDND_CLIENT_ID: 'ente-1',
        SISO_PDND_KEY_ID: 'k-rsa',
        SISO_PDND_PRIVATE_KEY_FILE: keyFile,
        SISO_PDND_PURPOSE_ID: 'C030=purpose-rsa,C015=purpose-rsa,C021=purpose-rsa',
        SISO_REGISTRY_TIMEOUT_MS: '3000',
      });
      expect(config.registry.anpr.purposeIds).toEqual({ C030: 'purpose-rsa', C015: 'purpose-rsa', C021: 'purpose-rsa' });
      const h = await startRegistry(config, quiet);
      const r = sim.residents.list()[1]!;
      const { person, warnings } = await h.client.lookup(r.fiscalCode, OPERATOR);
      expect(person).toMatchObject({ fiscalCode: r.fiscalCode, anprId: r.idANPR, residence: null });
      expect(warnings).toEqual(['Finalità PDND C020 non configurata: residenza non richiesti ad ANPR']);
      await h.close();
    } finally {
      await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('municipal: URL and API key from the configuration', async () => {
    const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const sim = await startAnprSimulator({ clientPublicJwk: publicKey.export({ format: 'jwk' }) as JWK, clientId: 'c', purposeId: 'p', residents: 20, municipalApiKey: 'key-123' });
    try {
      const h = await startRegistry(loadConfig({ SISO_REGISTRY: 'municipal', SISO_MUNICIPAL_REGISTRY_URL: sim.municipalUrl, SISO_MUNICIPAL_REGISTRY_API_KEY: 'key-123' }), quiet);
      expect(h.client.source).toBe('municipal');
      const r = sim.residents.list()[0]!;
      expect((await h.client.lookup(r.fiscalCode, OPERATOR)).person?.fiscalCode).toBe(r.fiscalCode);
    } finally {
      await sim.close();
    }
  });
});

describe('ANPR → neutral mapping', () => {
  it('keeps codes, pads ISTAT codes, maps a residence abroad and partial birth dates', () => {
    const d = datiSoggetto.parse({
      generalita: {
        codiceFiscale: { codFiscale: 'BNCGVN50A01Z404X', validitaCF: '9' },
        cognome: 'BIANCHI', senzaNome: 'S', sesso: 'M', dataNascita: '1950-01-01', senzaGiorno: 'S',
        luogoNascita: { localita: { descrizioneStato: 'STATI UNITI D\'AMERICA', codiceStato: '536' } },
      },
      identificativi: { idANPR: 'AB12345CD' },
      residenza: [
        { tipoIndirizzo: '1', indirizzo: { cap: '06012', comune: { codiceIstat: '54013', nomeComune: 'CITTÀ DI CASTELLO' }, toponimo: { specie: 'VIA', denominazioneToponimo: 'ROMA' }, numeroCivico: { numero: '3' } }, dataDecorrenzaResidenza: '2001-01-01' },
        { tipoIndirizzo: '1', localitaEstera: { indirizzoEstero: { cap: '10001', localita: { descrizioneLocalita: 'NEW YORK', codiceStato: '536' }, toponimo: { denominazione: '5TH AVENUE', numeroCivico: '12' } } }, dataDecorrenzaResidenza: '2019-05-01' },
      ],
      cittadinanza: [{ codiceStato: '100' }, { codiceStato: '536' }],
      statoCivile: { statoCivile: '9' },
    });
    expect(toRegistryPerson({ fiscalCode: 'BNCGVN50A01Z404X', anprId: null, identity: d, residence: d })).toEqual({
      fiscalCode: 'BNCGVN50A01Z404X',
      fiscalCodeValidated: false,
      anprId: 'AB12345CD',
      surname: 'BIANCHI',
      name: null,
      sex: 'M',
      birthDate: null,
      birthComuneIstat: null,
      birthStateCode: '536',
      birthPlaceName: "STATI UNITI D'AMERICA",
      citizenships: ['100', '536'],
      civilStatus: '9',
      dateOfDeath: null,
      residence: { street: '5TH AVENUE', civic: '12', postalCode: '10001', comuneIstat: null, comuneName: 'NEW YORK', stateCode: '536', validFrom: '2019-05-01' },
      household: [],
    });
  });

  it('rejects what is not ANPR (wrong types are garbage, not data)', () => {
    expect(datiSoggetto.safeParse({ generalita: { dataNascita: '01/01/1950' } }).success).toBe(false);
    expect(datiSoggetto.safeParse({ residenza: 'via Roma' }).success).toBe(false);
    expect(datiSoggetto.safeParse({ generalita: { sesso: 'X' } }).success).toBe(false);
  });
});
