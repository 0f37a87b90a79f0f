/**
 * The simulator itself: deterministic synthetic residents, the admin API over HTTP (`/__sim/`),
 * the status endpoint, C003 verification and the C001 feed's cursor, independent of SISO's client
 * (plain fetch; the ModI headers come from the client's header builders).
 */
import crypto from 'node:crypto';
import { isValidFiscalCode } from '@siso/shared';
import { exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modiAudience, signedHeaders } from '../modules/persons/registry/modi-headers.js';
import { PdndVoucherProvider } from '../modules/persons/registry/pdnd-voucher.js';
import { simulatedResidents, startAnprSimulator, type AnprSimulator } from './index.js';
import { parseCsv } from './reference.js';
import type { SimResident } from './residents.js';

let sim: AnprSimulator;
let jwk: Awaited<ReturnType<typeof exportJWK>>;
let privateKey: CryptoKey;
beforeAll(async () => {
  const keys = await generateKeyPair('ES256', { extractable: true });
  privateKey = keys.privateKey;
  jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256' };
  sim = await startAnprSimulator({ clientPublicJwk: jwk, clientId: 'c1', purposeId: 'p1', residents: 300, seed: 5 });
});
afterAll(async () => {
  await sim.close();
});

const admin = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${sim.origin}${path}`, { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** A correctly signed e-service call. */
async function eservice(code: keyof typeof sim.services, body: Record<string, unknown>) {
  const service = sim.services[code] as string;
  const key = { key: privateKey, alg: 'ES256' as const, kid: 'k1' };
  const audience = modiAudience(sim.url, service);
  const v = await new PdndVoucherProvider({ tokenUrl: sim.tokenUrl, clientId: 'c1', key }).voucher({ purposeId: 'p1', audience, user: { userID: 'u', userLocation: 'l', LoA: 'LoA2' } }, AbortSignal.timeout(5000));
  const text = JSON.stringify({ idOperazioneClient: String(Date.now()), ...body });
  const { headers } = await signedHeaders(key, { clientId: 'c1', audience, body: text, voucher: v.accessToken, tracking: v.tracking.jwt, now: Date.now() });
  const res = await fetch(`${sim.url}/${service}/v1/${code === 'C001' ? 'variazioni' : 'anpr-service-e002'}`, { method: 'POST', headers, body: text });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are checked field by field
}
const dati = (casoUso: string) => ({ dataRiferimentoRichiesta: new Date().toISOString().slice(0, 10), motivoRichiesta: 'test', casoUso });

describe('synthetic residents', () => {
  it('are deterministic by seed, with valid fiscal codes, idANPR and ISTAT codes', async () => {
    const again = await startAnprSimulator({ clientPublicJwk: jwk, clientId: 'c1', purposeId: 'p1', residents: 300, seed: 5 });
    const other = await startAnprSimulator({ clientPublicJwk: jwk, clientId: 'c1', purposeId: 'p1', residents: 300, seed: 6 });
    try {
      const key = (r: SimResident) => `${r.fiscalCode}:${r.idANPR}:${r.householdId}:${r.relationship}`;
      expect(again.residents.list().map(key)).toEqual(sim.residents.list().map(key));
      expect(other.residents.list().map(key)).not.toEqual(sim.residents.list().map(key));
      expect(simulatedResidents({ seed: 5, residents: 300 }).map(key)).toEqual(sim.residents.list().map(key));
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
    const all = sim.residents.list();
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const r of all) {
      expect(isValidFiscalCode(r.fiscalCode)).toBe(true);
      expect(r.idANPR).toMatch(/^[A-Z]{2}\d{5}[A-Z]{2}$/);
      expect(r.residence.comuneIstat).toMatch(/^054(013|015|039|056)$/);
      expect(r.citizenships.every((c) => /^\d{3}$/.test(c))).toBe(true);
      expect(r.birthPlace.comuneIstat ?? r.birthPlace.stateCode).toMatch(/^\d{3}(\d{3})?$/);
    }
    expect(new Set(all.map((r) => r.idANPR)).size).toBe(all.length);
    // Every famiglia has exactly one intestatario.
    const heads = new Map<string, number>();
    for (const r of all) heads.set(r.householdId, (heads.get(r.householdId) ?? 0) + (r.relationship === '1' ? 1 : 0));
    expect([...heads.values()].every((n) => n === 1)).toBe(true);
  });

  it('the CSV reader handles quotes, escaped quotes, commas and CRLF', () => {
    expect(parseCsv('\ufeffa,b,c\r\n"x, y","say ""hi""",3\r\n\r\nplain,,last')).toEqual([
      { a: 'x, y', b: 'say "hi"', c: '3' },
      { a: 'plain', b: '', c: 'last' },
    ]);
  });
});

describe('admin API (/__sim/)', () => {
  it('upserts a resident, records a life event, and lists residents', async () => {
    const head = sim.residents.list().find((r) => r.relationship === '1' && !r.death)!;
    const put = await admin('PUT', '/__sim/residents', { fiscalCode: 'RSSMRA80A01G478W', surname: 'Rossi', name: 'Mario', sex: 'M', birthDate: '1980-01-01', householdOf: head.fiscalCode, relationship: '13' });
    expect(put.status).toBe(200);
    const created = put.body.resident as SimResident;
    expect(created).toMatchObject({ surname: 'ROSSI', householdId: head.householdId, relationship: '13', residence: head.residence });
    expect(sim.residents.household(head.idANPR).map((m) => m.fiscalCode)).toContain('RSSMRA80A01G478W');

    const change = await admin('POST', '/__sim/changes', { kind: 'household', subject: 'RSSMRA80A01G478W' });
    expect(change.status).toBe(200);
    expect((change.body.entries as Array<{ kind: string }>).map((e) => e.kind)).toContain('household');
    expect(sim.residents.get('RSSMRA80A01G478W')).toMatchObject({ relationship: '1' });

    const got = await admin('GET', `/__sim/residents/${created.idANPR}`);
    expect((got.body.resident as SimResident).fiscalCode).toBe('RSSMRA80A01G478W');
    const list = await admin('GET', '/__sim/residents?limit=5');
    expect(list.body.items).toHaveLength(5);
  });

  it('refuses bad admin input with 400', async () => {
    expect((await admin('POST', '/__sim/changes', { kind: 'dies', subject: 'NOBODY' })).status).toBe(400);
    expect((await admin('POST', '/__sim/faults', { mode: 'explode', count: 1 })).status).toBe(400);
    expect((await admin('PUT', '/__sim/residents', { fiscalCode: 'XXXXXX00X00X000X' })).status).toBe(400);
    expect((await admin('POST', '/__sim/faults', { mode: 'http500', count: 2, target: 'municipal' })).status).toBe(200);
    expect((await admin('DELETE', '/__sim/faults')).status).toBe(200);
  });
});

describe('e-services', () => {
  it('GET status per e-service', async () => {
    const res = await fetch(`${sim.url}/${sim.services.C021}/v1/status`);
    expect(res.status).toBe(200);
    expect((await fetch(`${sim.url}/C999-nessuno/v1/status`)).status).toBe(404);
  });

  it('C003 answers field by field (S/N) on the declared generalità', async () => {
    const r = sim.residents.list()[7]!;
    const res = await eservice('C003', { criteriRicerca: { idANPR: r.idANPR }, datiRichiesta: dati('C003'), verifica: { generalita: { cognome: r.surname.toLowerCase(), nome: 'Sbagliato', dataNascita: r.birthDate } } });
    expect(res.status).toBe(200);
    expect(res.body.listaSoggetti.datiSoggetto[0].infoSoggettoEnte).toEqual([
      { id: '1', chiave: 'cognome', valore: 'S' },
      { id: '2', chiave: 'nome', valore: 'N' },
      { id: '3', chiave: 'dataNascita', valore: 'S' },
    ]);
  });

  it('C030 answers only the idANPR; 404 RispostaKO for an unknown code', async () => {
    const r = sim.residents.list()[8]!;
    const ok = await eservice('C030', { criteriRicerca: { codiceFiscale: r.fiscalCode }, datiRichiesta: dati('C030') });
    expect(ok.body.listaSoggetti.datiSoggetto).toEqual([{ identificativi: { idANPR: r.idANPR } }]);
    expect(ok.body.listaAnomalie).toBeUndefined();
    const ko = await eservice('C030', { criteriRicerca: { codiceFiscale: 'RSSMRA80A01H501U' }, datiRichiesta: dati('C030') });
    expect(ko.status).toBe(404);
    expect(ko.body.listaErrori[0].codiceErroreAnomalia).toBe('EN122');
  });

  it('C001 pages with a cursor and rejects a forged one', async () => {
    const r = sim.residents.list().filter((x) => !x.death && x.relationship === '1')[5]!;
    sim.recordChange({ kind: 'renamed', subject: r.fiscalCode, name: 'Uno' });
    sim.recordChange({ kind: 'renamed', subject: r.fiscalCode, name: 'Due' });
    const first = await eservice('C001', { soggetti: [{ idANPR: r.idANPR }], datiRichiesta: dati('C001'), numeroMassimo: 1 });
    expect(first.status).toBe(200);
    expect(first.body.listaVariazioni).toHaveLength(1);
    expect(first.body.listaVariazioni[0]).toMatchObject({ idANPR: r.idANPR, codiceFiscale: r.fiscalCode, tipoVariazione: 'GENERALITA' });
    expect(first.body.listaVariazioni[0].datiSoggetto.generalita.nome).toBe('UNO');
    expect(first.body.altreVariazioni).toBe(true);
    const second = await eservice('C001', { soggetti: [{ idANPR: r.idANPR }], datiRichiesta: dati('C001'), numeroMassimo: 1, cursore: first.body.cursore });
    expect(second.body.listaVariazioni[0].datiSoggetto.generalita.nome).toBe('DUE');
    expect(second.body.altreVariazioni).toBe(false);
    const forged = await eservice('C001', { soggetti: [{ idANPR: r.idANPR }], datiRichiesta: dati('C001'), cursore: crypto.randomBytes(6).toString('base64url') });
    expect(forged.status).toBe(400);
  });
});

describe('municipal contract', () => {
  it('requires the API key', async () => {
    const r = sim.residents.list()[0]!;
    expect((await fetch(`${sim.municipalUrl}/persons/${r.fiscalCode}`)).status).toBe(401);
    const ok = await fetch(`${sim.municipalUrl}/persons/${r.fiscalCode}`, { headers: { 'x-api-key': sim.municipalApiKey } });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${sim.municipalUrl}/changes?since=zzz&subjects=${r.fiscalCode}`, { headers: { 'x-api-key': sim.municipalApiKey } });
    expect(bad.status).toBe(400);
  });
});
