import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type InputOf, type OutputOf, type TestApp, type TestClient } from '../../../testing/test-app.js';
import { createPerson } from '../../../testing/persons.js';
import { placementOf } from '../../../testing/placement.js';
import { PDF_BYTES } from '../../../testing/attachment-fixtures.js';
import { readMigrations } from '../../../db/migrate.js';
import { todayInRome } from '../../persons/validate-person.js';
import { PROPOSAL_GRANT_PURPOSE } from './open-proposal.js';

/**
 * Proposals to take charge through the real HTTP pipeline (issue 5, point 5; siso-original §5.1 step
 * 5): completing a scheda with that outcome puts a proposal in the inbox of the competent ente's
 * professional social service (or the capofila's, by desk configuration), grants the scheda and the
 * person to that service's offices — never to the whole ente —, alerts it; states proposed → seen →
 * rejected with a note; other enti see nothing; migration 0015 converts the ente grants of before.
 */
let t: TestApp;
let sportello: TestClient;
let sportelloB: TestClient;
let assistente: TestClient;
let assistenteB: TestClient;
let responsabile2: TestClient;
let admin: TestClient;
let terzosettore: TestClient;
/** The professional social service offices of Città di Castello: the demo's and a second one added here. */
let castelloServices: string[];

const db = () => t.database.db;

/** The grants on a record, as comparable rows. */
async function grantsOn(recordId: string) {
  const rows = await db().selectFrom('access_grant').selectAll().where('record_id', '=', recordId).orderBy('subject_id').orderBy('created_at').execute();
  return rows.map((g) => ({ ...g, valid_from: String(g.valid_from), valid_to: g.valid_to === null ? null : String(g.valid_to) }));
}

/** Statuses of every read of the scheda, its person, their privacy records and a file of the scheda. */
async function readsOf(c: TestClient, r: { intakeId: string; personId: string; attachmentId: string }) {
  return {
    person: (await c.call('persons.get', { id: r.personId })).status,
    scheda: (await c.call('intakeRecords.get', { id: r.intakeId })).status,
    print: (await c.call('intakeRecords.print', { id: r.intakeId })).status,
    privacy: (await c.call('consents.get', { personId: r.personId })).status,
    file: (await c.call('attachments.get', { id: r.attachmentId })).status,
  };
}
const all = (status: number) => ({ person: status, scheda: status, print: status, privacy: status, file: status });

/** As proposedBy, with a service request carrying a file on the scheda before it is completed. */
async function proposedWithFile(c: TestClient, surname: string): Promise<{ intakeId: string; personId: string; attachmentId: string }> {
  const p = await createPerson(c, { surname, name: 'Teresa', birthDate: '1948-09-09' });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  const r = await c.call('intakeRecords.create', {
    access: { date: todayInRome(), mode: 'in_person', reason: 'spontaneous', description: 'Chiede assistenza domiciliare' },
    interlocutor: { type: 'user' }, personId: p.body.id, needs: { codes: ['FIS01'] },
    outcome: { type: 'take_charge_proposal', socialCategory: 'anziani' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const file = { filename: 'certificato.pdf', mediaType: 'application/pdf', contentBase64: PDF_BYTES.toString('base64') };
  const sr = await c.call('serviceRequests.create', { intakeId: r.body.id, serviceCode: 'UDC79', attachments: [file] });
  expect(sr.status, JSON.stringify(sr.body)).toBe(200);
  const done = await c.call('intakeRecords.complete', { id: r.body.id, version: r.body.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { intakeId: r.body.id, personId: p.body.id, attachmentId: sr.body.attachments[0]!.id };
}

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

async function inboxOf(c: TestClient, status?: InputOf<'proposals.find'>['status']): Promise<OutputOf<'proposals.find'>['items']> {
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
  // The third-sector cooperative of Città di Castello: an office of the same ente as the desk, with no
  // part in a proposal to take charge.
  terzosettore = await t.as('terzosettore');
  // A second professional social service office of Città di Castello, and an archived one: a proposal
  // reaches every live office of the service, one grant each.
  const castello = await placementOf(db(), 'assistente');
  const office = (name: string, archived: boolean) => ({
    id: crypto.randomUUID(), ambito_id: castello.ambitoId, ente_id: castello.enteId, name, type: 'servizio_sociale_professionale', archived_at: archived ? new Date() : null,
  });
  const second = office('Servizio Sociale Professionale — sede di Trestina', false);
  await db().insertInto('office').values([second, office('Servizio Sociale Professionale — sede chiusa', true)]).execute();
  castelloServices = [castello.officeId, second.id].sort();
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

  it('grants the scheda and the person to each professional social service office, never to the ente: a cooperative of the ente reads nothing', async () => {
    const r = await proposedWithFile(sportello, 'Landi');
    for (const recordId of [r.intakeId, r.personId]) {
      const grants = (await grantsOn(recordId)).filter((g) => g.purpose === PROPOSAL_GRANT_PURPOSE);
      expect(grants.map((g) => [g.subject_kind, g.subject_id]), recordId).toEqual(castelloServices.map((id) => ['office', id]));
      expect(grants.every((g) => g.valid_from === todayInRome() && g.valid_to === null && g.revoked_at === null)).toBe(true);
    }
    expect(await readsOf(terzosettore, r)).toEqual(all(404));
    expect(await readsOf(assistente, r)).toEqual(all(200));
  });

  it('goes to the capofila when the desk is configured so', async () => {
    const umbertide = (await placementOf(db(), 'sportelloB')).officeId;
    const desk = (await admin.call('desks.find', { limit: 200 })).body.items.find((d: { officeId: string }) => d.officeId === umbertide)!;
    const { officeId, kind, thematicCode, mandatorySections, excludedProfiles, readableClasses, privacyPerDesk, accessPoints, version } = desk;
    const cfg = await admin.call('desks.configure', { officeId, kind, thematicCode, mandatorySections, excludedProfiles, readableClasses, privacyPerDesk, accessPoints, version, proposalTarget: 'capofila' });
    expect(cfg.status, JSON.stringify(cfg.body)).toBe(200);
    const { intakeId, personId } = await proposedBy(sportelloB, 'Galli');
    const atCapofila = (await inboxOf(assistente)).find((i) => i.intakeId === intakeId);
    expect(atCapofila).toMatchObject({ destEnteName: 'Comune di Città di Castello', sourceEnteName: 'Comune di Umbertide' });
    expect((await inboxOf(assistenteB)).map((i) => i.intakeId)).not.toContain(intakeId);
    // The capofila's professional social service, not Umbertide's, and not the rest of the capofila.
    for (const recordId of [intakeId, personId]) {
      expect((await grantsOn(recordId)).map((g) => [g.subject_kind, g.subject_id])).toEqual(castelloServices.map((id) => ['office', id]));
    }
    const responsabile = await t.as('responsabile');
    expect((await inboxOf(responsabile)).map((i) => i.intakeId)).toContain(intakeId);
    for (const c of [assistente, responsabile]) {
      expect((await c.call('intakeRecords.get', { id: intakeId })).status).toBe(200);
      expect((await c.call('persons.get', { id: personId })).status).toBe(200);
    }
    expect((await terzosettore.call('intakeRecords.get', { id: intakeId })).status).toBe(404);
    expect((await terzosettore.call('persons.get', { id: personId })).status).toBe(404);
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

    const noNote = await assistente.callRaw('proposals.reject', { id: p.id, version: 1 });
    expect(noNote.status).toBe(400);
    expect(noNote.error.details[0]!.path).toBe('note');
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
      expect(late.error.details).toEqual([{ path: 'id', message: expect.stringMatching(/già stata accolta o respinta/) }]);
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
    const p2 = await assistente.call('proposals.find', { limit: 1, cursor: p1.body.nextCursor! });
    expect(p2.body.items.map((i: { intakeId: string }) => i.intakeId)).toEqual([a.intakeId]);
  });
});

describe('migration 0015', () => {
  it('turns the ente-wide grants of proposals into grants to the professional social service offices, and leaves other grants alone', async () => {
    const r = await proposedWithFile(sportello, 'Orsini');
    const other = (await createPerson(sportello, { surname: 'Orsini', name: 'Bruno', birthDate: '1951-01-01' })).body.id as string;
    const castello = await placementOf(db(), 'assistente');
    const desk = await placementOf(db(), 'sportello');
    // The database as the ente-wide grants of a proposal left it: no office grants, one ente grant per record.
    await db().deleteFrom('access_grant').where('record_id', 'in', [r.intakeId, r.personId]).execute();
    // A row as openProposal wrote it before 0015 (the purpose is the text it wrote then).
    const enteGrant = (recordKind: string, recordId: string, extra: Record<string, unknown> = {}) => ({
      id: crypto.randomUUID(), ambito_id: desk.ambitoId!, ente_id: desk.enteId, record_kind: recordKind, record_id: recordId, subject_kind: 'ente',
      subject_id: castello.enteId, purpose: 'proposta di presa in carico', valid_from: '2025-03-01', valid_to: null as string | null, granted_by: desk.operatorId,
      created_at: new Date('2025-03-01T09:30:00Z'), ...extra,
    });
    const converted = [
      enteGrant('intakeRecord', r.intakeId),
      enteGrant('person', r.personId, { valid_to: `${Number(todayInRome().slice(0, 4)) + 1}-12-31` }),
    ];
    // Left alone: an ente grant for another purpose, one with the proposal's purpose on a person no
    // proposal is about (both made by hand, e.g. with grants.create), and one already revoked.
    const untouched = [
      enteGrant('person', other, { purpose: 'valutazione congiunta' }),
      enteGrant('person', other),
      enteGrant('intakeRecord', r.intakeId, { revoked_at: new Date('2025-06-01T10:00:00Z'), revoked_by: desk.operatorId }),
    ];
    await db().insertInto('access_grant').values([...converted, ...untouched]).execute();
    const decoysBefore = await db().selectFrom('access_grant').selectAll().where('id', 'in', untouched.map((g) => g.id)).orderBy('id').execute();
    // What the ente grants did: the cooperative of the ente read everything.
    expect(await readsOf(terzosettore, r)).toEqual(all(200));

    const migration = readMigrations().find((m) => m.name === '0015_proposal_office_grants');
    expect(migration).toBeDefined();
    await db().transaction().execute((trx) => sql.raw(migration!.sql).execute(trx));

    for (const g of converted) {
      const rows = await grantsOn(g.record_id);
      expect(rows.find((x) => x.id === g.id)).toMatchObject({ subject_kind: 'ente', revoked_at: expect.any(Date), revoked_by: null });
      const offices = rows.filter((x) => x.subject_kind === 'office');
      expect(offices.map((x) => x.subject_id).sort()).toEqual(castelloServices);
      for (const o of offices) {
        expect(o).toMatchObject({
          ambito_id: g.ambito_id, ente_id: g.ente_id, record_kind: g.record_kind, purpose: g.purpose, valid_from: g.valid_from, valid_to: g.valid_to,
          granted_by: g.granted_by, created_at: g.created_at, hide_info_from_office: null, revoked_at: null, revoked_by: null,
        });
      }
    }
    expect(await db().selectFrom('access_grant').selectAll().where('id', 'in', untouched.map((g) => g.id)).orderBy('id').execute()).toEqual(decoysBefore);
    expect((await grantsOn(other)).filter((x) => x.subject_kind === 'office')).toEqual([]);
    expect(await readsOf(terzosettore, r)).toEqual(all(404));
    expect(await readsOf(assistente, r)).toEqual(all(200));

    // Nothing is left to convert: a second run changes nothing.
    const before = [...(await grantsOn(r.intakeId)), ...(await grantsOn(r.personId))];
    await db().transaction().execute((trx) => sql.raw(migration!.sql).execute(trx));
    expect([...(await grantsOn(r.intakeId)), ...(await grantsOn(r.personId))]).toEqual(before);
  });
});
