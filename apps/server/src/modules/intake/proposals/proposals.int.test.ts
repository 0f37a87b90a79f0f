import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.js';
import { createPerson } from '../../../testing/persons.js';
import { placementOf } from '../../../testing/placement.js';
import { todayInRome } from '../../persons/validate-person.js';

/**
 * Proposals to take charge through the real HTTP pipeline (issue 5, point 5; siso-original §5.1 step
 * 5): completing a scheda with that outcome puts a proposal in the inbox of the competent ente's
 * professional social service (or the capofila's, by desk configuration), grants it the scheda and
 * the person, alerts it; states proposed → seen → rejected with a note; other enti see nothing.
 */
let t: TestApp;
let sportello: TestClient;
let sportelloB: TestClient;
let assistente: TestClient;
let assistenteB: TestClient;
let responsabile2: TestClient;
let admin: TestClient;

const db = () => t.database.db;

/** A completed scheda with outcome "proposta di presa in carico" about a new person of the desk. */
async function proposedBy(c: TestClient, surname: string): Promise<{ intakeId: string; personId: string }> {
  const p = await createPerson(c, { surname, name: 'Giorgio', birthDate: '1950-02-03' });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  const r = await c.call('intakeRecords.create', {
    access: { date: todayInRome(), mode: 'in_person', reason: 'spontaneous', description: 'Non autosufficiente, vive solo' },
    interlocutor: { type: 'user' },
    personId: p.body.id,
    needs: { codes: ['FIS01'] },
    outcome: { type: 'take_charge_proposal', socialCategory: 'anziani' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const done = await c.call('intakeRecords.complete', { id: r.body.id, version: r.body.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { intakeId: r.body.id, personId: p.body.id };
}

async function inboxOf(c: TestClient, status?: string): Promise<Array<{ id: string; intakeId: string; [k: string]: unknown }>> {
  const r = await c.call('proposals.find', status ? { status, limit: 200 } : { limit: 200 });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items;
}

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
  sportelloB = await t.as('sportelloB');
  assistente = await t.as('assistente');
  assistenteB = await t.as('assistenteB');
  responsabile2 = await t.as('responsabile2');
  admin = await t.as('admin');
});
afterAll(async () => t?.close());

describe('opening a proposal', () => {
  it('reaches the social service of the scheda’s ente, with the scheda and the person granted to it, and an alert', async () => {
    const { intakeId, personId } = await proposedBy(sportello, 'Ferri');
    const items = await inboxOf(assistente);
    const mine = items.find((i) => i.intakeId === intakeId)!;
    expect(mine).toMatchObject({
      status: 'proposed', socialCategory: 'anziani', accessDate: todayInRome(), intakeNumber: expect.stringMatching(/^\d{4}\/\d{6}$/),
      person: { id: personId, surname: 'Ferri', name: 'Giorgio' }, sourceOfficeName: expect.any(String), seenAt: null, note: null, version: 0,
      abilities: expect.arrayContaining(['proposals.markSeen', 'proposals.reject']),
    });
    // Without the grant the social worker (own scope) could open neither.
    expect((await assistente.call('intakeRecords.get', { id: intakeId })).status).toBe(200);
    expect((await assistente.call('persons.get', { id: personId })).status).toBe(200);
    for (const who of ['assistente', 'responsabile']) {
      const at = await placementOf(db(), who);
      const alerts = await db().selectFrom('alert').selectAll().where('recipient_id', '=', at.operatorId).where('type', '=', 'intake.proposal').where('link_id', '=', mine.id).execute();
      expect(alerts, who).toHaveLength(1);
      expect(alerts[0]!.title).not.toContain('Ferri');
    }
    // The scheda shows its proposal to the desk.
    expect((await sportello.call('intakeRecords.get', { id: intakeId })).body.proposal).toMatchObject({ id: mine.id, status: 'proposed' });
    // Other enti's social services see nothing of it.
    expect((await inboxOf(assistenteB)).map((i) => i.intakeId)).not.toContain(intakeId);
    expect((await inboxOf(responsabile2)).map((i) => i.intakeId)).not.toContain(intakeId);
    expect((await assistenteB.call('proposals.get', { id: mine.id })).status).toBe(404);
    expect((await responsabile2.call('proposals.get', { id: mine.id })).status).toBe(404);
  });

  it('goes to the capofila when the desk is configured so', async () => {
    const umbertide = (await placementOf(db(), 'sportelloB')).officeId;
    const desk = (await admin.call('desks.find', { limit: 200 })).body.items.find((d: { officeId: string }) => d.officeId === umbertide);
    const { officeId, kind, thematicCode, mandatorySections, excludedProfiles, readableClasses, privacyPerDesk, accessPoints, version } = desk;
    const cfg = await admin.call('desks.configure', { officeId, kind, thematicCode, mandatorySections, excludedProfiles, readableClasses, privacyPerDesk, accessPoints, version, proposalTarget: 'capofila' });
    expect(cfg.status, JSON.stringify(cfg.body)).toBe(200);
    const { intakeId } = await proposedBy(sportelloB, 'Galli');
    const atCapofila = (await inboxOf(assistente)).find((i) => i.intakeId === intakeId);
    expect(atCapofila).toMatchObject({ destEnteName: 'Comune di Città di Castello', sourceEnteName: 'Comune di Umbertide' });
    expect((await inboxOf(assistenteB)).map((i) => i.intakeId)).not.toContain(intakeId);
    expect((await assistente.call('intakeRecords.get', { id: intakeId })).status).toBe(200);
  });

  it('is not opened for other outcomes', async () => {
    const before = await db().selectFrom('take_charge_proposal').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const r = await sportello.call('intakeRecords.create', {
      access: { date: todayInRome(), mode: 'in_person', reason: 'spontaneous' }, interlocutor: { type: 'user' },
      personId: (await createPerson(sportello, { surname: 'Neri', name: 'Ada' })).body.id, needs: { codes: ['FIS01'] }, outcome: { type: 'information' },
    });
    expect((await sportello.call('intakeRecords.complete', { id: r.body.id, version: r.body.version })).status).toBe(200);
    const after = await db().selectFrom('take_charge_proposal').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('states', () => {
  it('proposed → seen (idempotent) → rejected with a note; then 409; the desk is told', async () => {
    const { intakeId } = await proposedBy(sportello, 'Marini');
    const p = (await inboxOf(assistente)).find((i) => i.intakeId === intakeId)!;
    const seen = await assistente.call('proposals.markSeen', { id: p.id, version: p.version });
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body).toMatchObject({ status: 'seen', seenByName: 'Anna Sociale', seenAt: expect.any(String), version: 1 });
    expect(seen.body.abilities).not.toContain('proposals.markSeen');
    const again = await assistente.call('proposals.markSeen', { id: p.id, version: p.version });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'seen', version: 1, seenAt: seen.body.seenAt });
    expect((await inboxOf(assistente, 'seen')).map((i) => i.id)).toContain(p.id);
    expect((await inboxOf(assistente, 'proposed')).map((i) => i.id)).not.toContain(p.id);

    const noNote = await assistente.call('proposals.reject', { id: p.id, version: 1 });
    expect(noNote.status).toBe(400);
    expect(noNote.body.details[0].path).toBe('note');
    expect((await assistente.call('proposals.reject', { id: p.id, version: 0, note: 'Versione vecchia' })).status).toBe(409);
    const rejected = await assistente.call('proposals.reject', { id: p.id, version: 1, note: 'Già seguito dal servizio ADI del distretto' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', note: 'Già seguito dal servizio ADI del distretto', decidedByName: 'Anna Sociale', version: 2, abilities: ['proposals.get'] });
    const at = await placementOf(db(), 'sportello');
    const told = await db().selectFrom('alert').select('title').where('recipient_id', '=', at.operatorId).where('type', '=', 'intake.proposalRejected').where('link_id', '=', intakeId).execute();
    expect(told).toHaveLength(1);

    for (const [action, input] of [['proposals.markSeen', { id: p.id, version: 2 }], ['proposals.reject', { id: p.id, version: 2, note: 'Di nuovo respinta' }]] as const) {
      const late = await assistente.call(action, input);
      expect(late.status, action).toBe(409);
      expect(late.body.details).toEqual([{ path: 'id', message: expect.stringMatching(/già stata accolta o respinta/) }]);
    }
    expect((await sportello.call('intakeRecords.get', { id: intakeId })).body.proposal).toMatchObject({ status: 'rejected' });
  });

  it('is only for the professional social service, and never across enti', async () => {
    const { intakeId } = await proposedBy(sportello, 'Conti');
    const p = (await inboxOf(assistente)).find((i) => i.intakeId === intakeId)!;
    expect((await sportello.call('proposals.find', {})).status).toBe(403);
    expect((await sportello.call('proposals.markSeen', { id: p.id, version: 0 })).status).toBe(403);
    expect((await assistenteB.call('proposals.markSeen', { id: p.id, version: 0 })).status).toBe(404);
    expect((await responsabile2.call('proposals.reject', { id: p.id, version: 0, note: 'Non di competenza' })).status).toBe(404);
    expect((await assistente.call('proposals.get', { id: p.id })).body.status).toBe('proposed');
  });

  it('pages the inbox newest first', async () => {
    const a = await proposedBy(sportello, 'Pagina');
    const b = await proposedBy(sportello, 'Pagina');
    const p1 = await assistente.call('proposals.find', { limit: 1 });
    expect(p1.body.items.map((i: { intakeId: string }) => i.intakeId)).toEqual([b.intakeId]);
    const p2 = await assistente.call('proposals.find', { limit: 1, cursor: p1.body.nextCursor });
    expect(p2.body.items.map((i: { intakeId: string }) => i.intakeId)).toEqual([a.intakeId]);
  });
});
