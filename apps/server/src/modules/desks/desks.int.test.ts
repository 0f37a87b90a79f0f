import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type InputOf, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { placementOf } from '../../testing/placement.js';
import { todayInRome } from '../persons/validate-person.js';

/**
 * Desks through the real HTTP pipeline (issue 5, points 1, 6 and 8): the list for configuration and
 * for choosing a destination, configuring with its validations, optimistic locking and the
 * administrators' reach, the desk home, and the counters on a known fixture (exact numbers, only
 * over what the actor may see).
 */
let t: TestApp;
let admin: TestClient;
let sysadmin: TestClient;
let sportello: TestClient;
let sportelloB: TestClient;
let sportello2: TestClient;
let assistente: TestClient;
let responsabile: TestClient;
const office = {} as Record<'sportello' | 'castelloSsp' | 'castelloTerzo' | 'castelloAdmin' | 'umbertide' | 'umbertideTerzo' | 'perugia' | 'perugiaTerzo', string>;

const db = () => t.database.db;
const ids = (r: { body: { items: Array<{ officeId: string }> } }) => r.body.items.map((i) => i.officeId);

async function officeOf(username: string, type?: string): Promise<string> {
  const at = await placementOf(db(), username);
  if (!type) return at.officeId;
  return (await db().selectFrom('office').select('id').where('ente_id', '=', at.enteId).where('type', '=', type).executeTakeFirstOrThrow()).id;
}

async function intake(c: TestClient, opts: { complete: boolean; outcome?: 'information' | 'take_charge_proposal' }): Promise<{ id: string; version: number }> {
  const p = await createPerson(c, { surname: 'Contatori', name: 'Lina' });
  const r = await c.call('intakeRecords.create', {
    access: { date: todayInRome(), mode: 'in_person', reason: 'spontaneous' }, interlocutor: { type: 'user' }, personId: p.body.id,
    needs: { codes: ['FIS01'] }, outcome: { type: opts.outcome ?? 'information', socialCategory: 'adulti' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  if (!opts.complete) return r.body;
  const done = await c.call('intakeRecords.complete', { id: r.body.id, version: r.body.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body;
}

const base = { kind: 'general', mandatorySections: ['access', 'user', 'outcome'] } satisfies Partial<InputOf<'desks.configure'>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  sysadmin = await t.as('sysadmin');
  sportello = await t.as('sportello');
  sportelloB = await t.as('sportelloB');
  sportello2 = await t.as('sportello2');
  assistente = await t.as('assistente');
  responsabile = await t.as('responsabile');
  office.sportello = await officeOf('sportello');
  office.castelloSsp = await officeOf('sportello', 'servizio_sociale_professionale');
  office.castelloTerzo = await officeOf('sportello', 'terzo_settore');
  office.castelloAdmin = await officeOf('sportello', 'ufficio_amministrativo');
  office.umbertide = await officeOf('sportelloB');
  office.umbertideTerzo = await officeOf('sportelloB', 'terzo_settore');
  office.perugia = await officeOf('sportello2');
  office.perugiaTerzo = await officeOf('sportello2', 'terzo_settore');
});
afterAll(async () => t?.close());

describe('desks.find', () => {
  it('lists the desks in each administrator’s reach with their configuration or the defaults', async () => {
    const mine = await admin.call('desks.find', { limit: 200 });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(ids(mine)).toEqual(expect.arrayContaining([office.sportello, office.castelloSsp, office.umbertide]));
    expect(ids(mine)).not.toContain(office.perugia);
    expect(ids(mine)).not.toContain(office.castelloTerzo);
    expect(ids(mine)).not.toContain(office.castelloAdmin);
    const ssp = mine.body.items.find((d: { officeId: string }) => d.officeId === office.castelloSsp);
    expect(ssp).toMatchObject({ configured: false, version: null, kind: 'general', proposalTarget: 'ente', accessPoints: [], abilities: ['desks.configure'] });
    const desk = mine.body.items.find((d: { officeId: string }) => d.officeId === office.sportello);
    expect(desk).toMatchObject({ configured: true, version: 0, accessPoints: [office.castelloTerzo], enteName: 'Comune di Città di Castello' });
    const all = await sysadmin.call('desks.find', { limit: 200 });
    expect(ids(all)).toEqual(expect.arrayContaining([office.sportello, office.perugia]));
    const named = await admin.call('desks.find', { q: 'umbertide', limit: 200 });
    expect(named.body.items.length).toBeGreaterThan(0);
    expect(named.body.items.every((d: { enteName: string }) => d.enteName === 'Comune di Umbertide')).toBe(true);
    const page1 = await admin.call('desks.find', { limit: 2 });
    const page2 = await admin.call('desks.find', { limit: 2, cursor: page1.body.nextCursor! });
    expect(ids(page2)).toHaveLength(2);
    expect(ids(page2).some((id: string) => ids(page1).includes(id))).toBe(false);
  });

  it('gives operators their ente’s desks to read, and every other desk of the region as destinations without configuration details', async () => {
    const own = await sportello.call('desks.find', {});
    expect(ids(own)).toContain(office.sportello);
    expect(ids(own)).not.toContain(office.umbertide);
    expect(own.body.items.every((d: { abilities: string[] }) => d.abilities.length === 0)).toBe(true);
    const dest = await sportello.call('desks.find', { purpose: 'destinations', limit: 200 });
    expect(ids(dest)).toEqual(expect.arrayContaining([office.castelloSsp, office.umbertide, office.perugia]));
    expect(ids(dest)).not.toContain(office.sportello);
    expect(ids(dest)).not.toContain(office.perugiaTerzo);
    const umb = dest.body.items.find((d: { officeId: string }) => d.officeId === office.umbertide);
    expect(umb).toMatchObject({ accessPoints: [], excludedProfiles: [], readableClasses: null, emailBody: null, abilities: [] });
    expect((await (await t.as('dpo')).call('desks.find', {})).status).toBe(403);
  });
});

describe('desks.configure', () => {
  it('creates a configuration, updates it with optimistic locking, and audits it', async () => {
    const created = await admin.call('desks.configure', {
      officeId: office.castelloSsp, version: null, ...base, proposalTarget: 'capofila', emailSubject: 'Scheda {{number}}', accessPoints: [office.umbertideTerzo],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ configured: true, version: 0, proposalTarget: 'capofila', emailSubject: 'Scheda {{number}}', accessPoints: [office.umbertideTerzo] });
    expect((await admin.call('desks.configure', { officeId: office.castelloSsp, version: null, ...base })).status).toBe(409);
    const updated = await admin.call('desks.configure', { officeId: office.castelloSsp, version: 0, ...base, kind: 'thematic', thematicCode: 'adi' });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ version: 1, kind: 'thematic', thematicCode: 'adi', proposalTarget: 'ente', emailSubject: null, accessPoints: [] });
    expect((await admin.call('desks.configure', { officeId: office.castelloSsp, version: 0, ...base })).status).toBe(409);
    const audit = await db().selectFrom('audit_event').select(['targets', 'outcome']).where('action', '=', 'desks.configure')
      .where(sql<boolean>`targets @> ${JSON.stringify([{ kind: 'desk', id: office.castelloSsp }])}::jsonb`).execute();
    expect(audit.filter((a) => a.outcome === 'ok')).toHaveLength(2);
  });

  it('names every invalid field with 422', async () => {
    const bad = async (input: Partial<InputOf<'desks.configure'>>, officeId = office.umbertide) => {
      const desk = (await admin.call('desks.find', { limit: 200 })).body.items.find((d: { officeId: string }) => d.officeId === officeId);
      const r = await admin.call('desks.configure', { officeId, version: desk!.version, ...base, ...input });
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      return r.error.details.map((d: { path: string }) => d.path).sort();
    };
    expect(await bad({ kind: 'thematic' })).toEqual(['thematicCode']);
    expect(await bad({ kind: 'general', thematicCode: 'adi' })).toEqual(['thematicCode']);
    expect(await bad({ kind: 'foreigners' }, office.castelloSsp)).toEqual(['kind']);
    expect(await bad({ mandatorySections: ['access', 'user', 'access'] })).toEqual(['mandatorySections.2']);
    expect(await bad({ excludedProfiles: ['operatore_sportello', 'profilo_inventato'] })).toEqual(['excludedProfiles.1']);
    // Access points: third-sector offices of the desk's ente or ambito only.
    expect(await bad({ accessPoints: [office.umbertideTerzo, office.perugiaTerzo, office.sportello] })).toEqual(['accessPoints.1', 'accessPoints.2']);
    const bodyErr = await admin.call('desks.configure', { officeId: office.umbertide, version: 0, ...base, kind: 'thematic', thematicCode: 'ADI!' });
    expect(bodyErr.status).toBe(400);
    expect(bodyErr.error.details[0]!.path).toBe('thematicCode');
  });

  it('keeps administrators within their reach and desk operators out', async () => {
    expect((await admin.call('desks.configure', { officeId: office.perugia, version: 0, ...base })).status).toBe(404);
    expect((await admin.call('desks.configure', { officeId: office.castelloTerzo, version: null, ...base })).status).toBe(404);
    expect((await sportello.call('desks.configure', { officeId: office.sportello, version: 0, ...base })).status).toBe(403);
    const perugia = (await sysadmin.call('desks.find', { q: 'Perugia', limit: 200 })).body.items.find((d: { officeId: string }) => d.officeId === office.perugia)!;
    const ok = await sysadmin.call('desks.configure', { ...perugia, mandatorySections: ['access', 'user', 'needs', 'outcome'] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('shuts an excluded profile out of the desk home', async () => {
    const desk = (await admin.call('desks.find', { limit: 200 })).body.items.find((d: { officeId: string }) => d.officeId === office.umbertide)!;
    const { officeId, kind, thematicCode, mandatorySections, readableClasses, proposalTarget, privacyPerDesk, accessPoints } = desk;
    const cfg = { officeId, kind, thematicCode, mandatorySections, readableClasses, proposalTarget, privacyPerDesk, accessPoints };
    const excl = await admin.call('desks.configure', { ...cfg, version: desk.version, excludedProfiles: ['operatore_sportello'] });
    expect(excl.status, JSON.stringify(excl.body)).toBe(200);
    expect((await sportelloB.call('desks.home', {})).status).toBe(403);
    expect((await admin.call('desks.configure', { ...cfg, version: excl.body.version, excludedProfiles: [] })).status).toBe(200);
    expect((await sportelloB.call('desks.home', {})).status).toBe(200);
  });
});

describe('home and counters', () => {
  it('counts exactly what happened at a desk, over the records the actor may see', async () => {
    const today = todayInRome();
    const month = { from: `${today.slice(0, 8)}01`, to: today };
    // Perugia's desk: 2 complete (one proposing to take charge), 1 incomplete, sent to two desks of the
    // other ambito: Città di Castello accepts it, Umbertide refuses it.
    await intake(sportello2, { complete: true });
    await intake(sportello2, { complete: true, outcome: 'take_charge_proposal' });
    const open = await intake(sportello2, { complete: false });
    const s1 = (await sportello2.call('intakeRecords.send', { id: open.id, version: open.version, destOfficeId: office.sportello })).body;
    const s2 = (await sportello2.call('intakeRecords.send', { id: open.id, version: open.version, destOfficeId: office.umbertide })).body;
    expect((await sportello.call('intakeRecords.receive', { transferId: s1.id, version: s1.version })).status).toBe(200);
    expect((await sportelloB.call('intakeRecords.refuse', { transferId: s2.id, version: s2.version, reason: 'Non residente' })).status).toBe(200);

    const perugia = await sportello2.call('desks.counters', month);
    expect(perugia.status, JSON.stringify(perugia.body)).toBe(200);
    expect(perugia.body).toEqual({ officeId: office.perugia, ...month, complete: 2, incomplete: 1, sent: 2, received: 0, refused: 0, proposals: 1 });
    const castello = await sportello.call('desks.counters', month);
    expect(castello.body).toMatchObject({ complete: 0, incomplete: 1, sent: 0, received: 1, refused: 0, proposals: 0 });
    const umbertide = await sportelloB.call('desks.counters', month);
    expect(umbertide.body).toMatchObject({ complete: 0, incomplete: 0, sent: 0, received: 0, refused: 1, proposals: 0 });
    // The ente's sector head counts the desk's schede; the social worker (own scope) only those granted
    // to her office by a proposal — none of Perugia's, nor the transfer it came with (each counter is
    // over the records of its kind the actor may see); another ente's desk is not within reach.
    expect((await responsabile.call('desks.counters', { ...month, officeId: office.sportello })).body).toMatchObject({ incomplete: 1 });
    expect((await assistente.call('desks.counters', { ...month, officeId: office.sportello })).body).toMatchObject({ complete: 0, incomplete: 0, received: 0 });
    expect((await sportello.call('desks.counters', { ...month, officeId: office.perugia })).status).toBe(404);
    const before = await sportello2.call('desks.counters', { from: '2020-01-01', to: '2020-12-31' });
    expect(before.body).toMatchObject({ complete: 0, incomplete: 0, sent: 0, received: 0, refused: 0, proposals: 0 });
    const wrong = await sportello2.call('desks.counters', { from: today, to: '2020-01-01' });
    expect(wrong.status).toBe(400);
    expect(wrong.error.details[0]!.path).toBe('to');

    // Castello's desk also proposes, sends and refuses: it counts each of them; the third-sector
    // cooperative of the ente reaches the desk's counters but reads none of those schede, so it counts
    // none of their events either (a count would tell it what happened to people it cannot see).
    const proposing = await intake(sportello, { complete: true, outcome: 'take_charge_proposal' });
    expect((await sportello.call('intakeRecords.send', { id: proposing.id, version: proposing.version, destOfficeId: office.umbertide })).status).toBe(200);
    const back = await intake(sportello2, { complete: false });
    const s3 = (await sportello2.call('intakeRecords.send', { id: back.id, version: back.version, destOfficeId: office.sportello })).body;
    expect((await sportello.call('intakeRecords.refuse', { transferId: s3.id, version: s3.version, reason: 'Non residente' })).status).toBe(200);
    expect((await sportello.call('desks.counters', month)).body).toMatchObject({ complete: 1, incomplete: 1, sent: 1, received: 1, refused: 1, proposals: 1 });
    const cooperative = await (await t.as('terzosettore')).call('desks.counters', { ...month, officeId: office.sportello });
    expect(cooperative.status, JSON.stringify(cooperative.body)).toBe(200);
    expect(cooperative.body).toEqual({ officeId: office.sportello, ...month, complete: 0, incomplete: 0, sent: 0, received: 0, refused: 0, proposals: 0 });
    // The social service the proposal went to counts it and the send of that scheda (granted to its
    // office), not the desk's other events.
    expect((await assistente.call('desks.counters', { ...month, officeId: office.sportello })).body).toMatchObject({ sent: 1, received: 0, refused: 0, proposals: 1 });
  });

  it('opens the desk home with today’s and incomplete schede, the inbox, proposals and the month’s counters', async () => {
    const done = await intake(sportelloB, { complete: true, outcome: 'take_charge_proposal' });
    const open = await intake(sportelloB, { complete: false });
    const sent = (await sportello.call('intakeRecords.send', {
      ...(await (async () => { const x = await intake(sportello, { complete: false }); return { id: x.id, version: x.version }; })()),
      destOfficeId: office.umbertide,
    })).body;
    const home = await sportelloB.call('desks.home', {});
    expect(home.status, JSON.stringify(home.body)).toBe(200);
    expect(home.body.desk).toMatchObject({ officeId: office.umbertide, configured: true });
    // The desk's contact points, for the Accesso section of a new scheda.
    const points = await db().selectFrom('contact_point').select(['id', 'name']).where('office_id', '=', office.umbertide).where('archived_at', 'is', null).execute();
    expect(points.length).toBeGreaterThan(0);
    expect(home.body.desk.contactPoints.map((p: { id: string }) => p.id).sort()).toEqual(points.map((p) => p.id).sort());
    const openView = await sportelloB.call('intakeRecords.get', { id: open.id });
    expect(openView.body.desk.contactPoints.map((p: { id: string }) => p.id).sort()).toEqual(points.map((p) => p.id).sort());
    const todayIds = home.body.today.map((i: { id: string }) => i.id);
    expect(todayIds).toEqual(expect.arrayContaining([done.id, open.id]));
    expect(home.body.incomplete.map((i: { id: string }) => i.id)).toContain(open.id);
    expect(home.body.incomplete.map((i: { id: string }) => i.id)).not.toContain(done.id);
    expect(home.body.received.map((i: { id: string }) => i.id)).toContain(sent.id);
    expect(home.body.proposals).toEqual([]);
    expect(home.body.counters).toMatchObject({ officeId: office.umbertide, to: todayInRome(), complete: 1, proposals: 1 });
    const ssp = await (await t.as('assistenteB')).call('desks.home', {});
    expect(ssp.status, JSON.stringify(ssp.body)).toBe(200);
    expect(ssp.body.proposals.map((p: { intakeId: string }) => p.intakeId)).toContain(done.id);
    expect((await admin.call('desks.home', {})).status).toBe(403);
  });
});
