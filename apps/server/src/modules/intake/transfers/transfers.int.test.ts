import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.js';
import { createPerson } from '../../../testing/persons.js';
import { placementOf } from '../../../testing/placement.js';
import { todayInRome } from '../../persons/validate-person.js';

/**
 * Sending schede between desks through the real HTTP pipeline (issue 5, point 4; siso-original §5.1
 * step 4): within the ente, to another ente of the ambito, to another ambito; the snapshot, the
 * alert and the e-mail; accepting once only (also concurrently), refusing with a reason; desks that
 * are not the destination; bad destinations; the inbox and outbox with paging.
 */
let t: TestApp;
let sportello: TestClient;
let sportelloB: TestClient;
let sportello2: TestClient;
let responsabile: TestClient;
let personId: string;
const office = {} as Record<'sportello' | 'castelloSsp' | 'castelloTerzo' | 'umbertide' | 'perugia', string>;

const db = () => t.database.db;

async function officeOf(username: string, type?: string): Promise<string> {
  const at = await placementOf(db(), username);
  if (!type) return at.officeId;
  return (await db().selectFrom('office').select('id').where('ente_id', '=', at.enteId).where('type', '=', type).executeTakeFirstOrThrow()).id;
}

/** A scheda of the sportello's desk with every mandatory section, about `person`. */
async function newIntake(c: TestClient, person: string | null = personId): Promise<{ id: string; version: number; number: string }> {
  const r = await c.call('intakeRecords.create', {
    access: { date: todayInRome(), mode: 'phone_referral', reason: 'spontaneous', description: 'Chiede un sostegno per l’affitto' },
    interlocutor: { type: 'user' },
    personId: person,
    needs: { codes: ['FIS01'] },
    services: { requested: ['UDC79'] },
    outcome: { type: 'sent' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

async function alertsOf(username: string, type: string, linkId: string) {
  const at = await placementOf(db(), username);
  return db().selectFrom('alert').selectAll().where('recipient_id', '=', at.operatorId).where('type', '=', type).where('link_id', '=', linkId).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
  sportelloB = await t.as('sportelloB');
  sportello2 = await t.as('sportello2');
  responsabile = await t.as('responsabile');
  const p = await createPerson(sportello, { surname: 'Bruni', name: 'Elena', birthDate: '1961-04-09' });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  personId = p.body.id;
  office.sportello = await officeOf('sportello');
  office.castelloSsp = await officeOf('sportello', 'servizio_sociale_professionale');
  office.castelloTerzo = await officeOf('sportello', 'terzo_settore');
  office.umbertide = await officeOf('sportelloB');
  office.perugia = await officeOf('sportello2');
});
afterAll(async () => t?.close());

describe('send', () => {
  it('sends within the ente with a snapshot, alerts the destination and mails the desk address', async () => {
    await db().updateTable('office').set({ email: 'servizio.sociale@castello.invalid' }).where('id', '=', office.castelloSsp).execute();
    const s = await newIntake(sportello);
    const sent = await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.castelloSsp, message: 'Valutare presa in carico' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({
      sourceIntakeId: s.id, destOfficeId: office.castelloSsp, status: 'sent', message: 'Valutare presa in carico', sentByName: 'Silvia Accoglienza',
      receivedIntakeId: null, version: 0, abilities: [],
      snapshot: {
        number: s.number, accessDate: todayInRome(), accessMode: 'phone_referral', accessReason: 'spontaneous', interlocutorType: 'user',
        description: 'Chiede un sostegno per l’affitto', operatorName: 'Silvia Accoglienza', userSurname: 'Bruni', userName: 'Elena',
        userBirthDate: '1961-04-09', outcome: 'sent', needs: [expect.any(String)], requestedServices: [expect.any(String)],
      },
    });
    // The id used to link the person on accept never travels.
    expect(sent.body.snapshot).not.toHaveProperty('sourcePersonId');
    for (const who of ['assistente', 'responsabile']) expect(await alertsOf(who, 'intake.received', sent.body.id), who).toHaveLength(1);
    expect(await alertsOf('sportelloB', 'intake.received', sent.body.id)).toHaveLength(0);
    const mail = await db().selectFrom('email_outbox').selectAll().where('to_address', '=', 'servizio.sociale@castello.invalid').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain(s.number);
    expect(mail[0]!.body_text).toContain('Valutare presa in carico');
    expect(mail[0]!.body_text).toContain(`/sportello/ricevute/${sent.body.id}`);
    // Number, offices and message only: never the person.
    expect(mail[0]!.body_text).not.toMatch(/Bruni|Elena|affitto/);
    // The scheda itself is unchanged.
    expect((await sportello.call('intakeRecords.get', { id: s.id })).body.version).toBe(s.version);
  });

  it('mails emailTo with the sending desk’s own template when it has one', async () => {
    const admin = await t.as('admin');
    const desks = await admin.call('desks.find', { q: 'Segretariato', limit: 200 });
    const desk = desks.body.items.find((d: { officeId: string }) => d.officeId === office.sportello)!;
    const { officeId, kind, thematicCode, mandatorySections, excludedProfiles, readableClasses, proposalTarget, privacyPerDesk, accessPoints, version } = desk;
    const current = { officeId, kind, thematicCode, mandatorySections, excludedProfiles, readableClasses, proposalTarget, privacyPerDesk, accessPoints };
    const cfg = await admin.call('desks.configure', {
      ...current, version, emailSubject: 'Invio {{number}} a {{toOffice}}', emailBody: 'Da {{fromOffice}}: {{message}} {{link}} {{surname}}',
    });
    expect(cfg.status, JSON.stringify(cfg.body)).toBe(200);
    const s = await newIntake(sportello);
    const sent = await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.umbertide, emailTo: 'ufficio@umbertide.invalid', message: 'Cambio residenza' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const mail = await db().selectFrom('email_outbox').selectAll().where('to_address', '=', 'ufficio@umbertide.invalid').executeTakeFirstOrThrow();
    const dest = await db().selectFrom('office').select('name').where('id', '=', office.umbertide).executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Invio ${s.number} a ${dest.name}`);
    // Unknown placeholders are dropped, not filled from anything else.
    expect(mail.body_text).toMatch(/^Da .+: Cambio residenza http.*\/sportello\/ricevute\/[0-9a-f-]{36} $/);
    expect((await admin.call('desks.configure', { ...current, version: cfg.body.version })).status).toBe(200);
  });

  it('refuses a second pending send to the same desk, a stale version, its own desk, a non-desk office and other enti’s schede', async () => {
    const s = await newIntake(sportello);
    expect((await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.perugia })).status).toBe(200);
    const again = await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.perugia });
    expect(again.status).toBe(409);
    expect(again.error.details).toEqual([{ path: 'destOfficeId', message: expect.stringMatching(/già stata inviata/) }]);
    expect((await sportello.call('intakeRecords.send', { id: s.id, version: s.version + 1, destOfficeId: office.umbertide })).status).toBe(409);
    for (const dest of [office.sportello, office.castelloTerzo, '00000000-0000-4000-8000-000000000000']) {
      const bad = await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: dest });
      expect(bad.status, dest).toBe(422);
      expect(bad.error.details[0]!.path).toBe('destOfficeId');
    }
    // Another ente's desk does not see the scheda at all.
    expect((await sportelloB.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.perugia })).status).toBe(404);
  });
});

describe('receive and refuse', () => {
  it('accepts within the ente: a local scheda linked to the transfer and to the same person, once only', async () => {
    const s = await newIntake(sportello);
    const sent = (await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.castelloSsp })).body;
    const inbox = await responsabile.call('intakeTransfers.find', { direction: 'received', status: 'sent' });
    const mine = inbox.body.items.find((i: { id: string }) => i.id === sent.id);
    expect(mine!.abilities).toEqual(expect.arrayContaining(['intakeRecords.receive', 'intakeRecords.refuse']));
    const got = await responsabile.call('intakeRecords.receive', { transferId: sent.id, version: sent.version });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toMatchObject({
      officeId: office.castelloSsp, status: 'incomplete', accessDate: todayInRome(), person: { id: personId },
      access: { mode: 'phone_referral', reason: 'sent_by', sentByOfficeId: office.sportello, description: 'Chiede un sostegno per l’affitto' },
      receivedFrom: { id: sent.id, status: 'received', decidedByName: 'Roberto Settore' },
    });
    expect(got.body.id).not.toBe(s.id);
    const twice = await responsabile.call('intakeRecords.receive', { transferId: sent.id, version: sent.version + 1 });
    expect(twice.status).toBe(409);
    expect(twice.error.details).toEqual([{ path: 'transferId', message: expect.stringMatching(/già stata accettata/) }]);
    // The sender sees the outcome on its scheda.
    const source = await sportello.call('intakeRecords.get', { id: s.id });
    expect(source.body.transfers).toEqual([expect.objectContaining({ id: sent.id, status: 'received', receivedIntakeId: got.body.id })]);
    const count = await db().selectFrom('intake_record').select(db().fn.countAll<number>().as('n')).where('received_from', '=', sent.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('links the survivor when the person was merged after the send (the reference moved with the merge)', async () => {
    const dup = await createPerson(sportello, { surname: 'Doppi', name: 'Ada', birthDate: '1955-02-03' });
    const keep = await createPerson(sportello, { surname: 'Doppi', name: 'Ada', birthDate: '1955-02-03' });
    expect([dup.status, keep.status]).toEqual([200, 200]);
    const s = await newIntake(sportello, dup.body.id);
    const sent = (await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.castelloSsp })).body;
    const stored = await db().selectFrom('intake_transfer').select(['source_person_id', 'snapshot']).where('id', '=', sent.id).executeTakeFirstOrThrow();
    expect(stored.source_person_id).toBe(dup.body.id);
    expect(stored.snapshot).not.toHaveProperty('sourcePersonId');
    const merged = await responsabile.call('persons.merge', {
      survivorId: keep.body.id, survivorVersion: keep.body.version, mergedId: dup.body.id, mergedVersion: dup.body.version, reason: 'stessa persona registrata due volte',
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const got = await responsabile.call('intakeRecords.receive', { transferId: sent.id, version: sent.version });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body.person).toMatchObject({ id: keep.body.id });
  });

  it('accepts from another ente of the ambito without linking a person the receiver cannot read', async () => {
    const s = await newIntake(sportello);
    const sent = (await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.umbertide })).body;
    expect(await alertsOf('sportelloB', 'intake.received', sent.id)).toHaveLength(1);
    const got = await sportelloB.call('intakeRecords.receive', { transferId: sent.id, version: sent.version });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toMatchObject({ officeId: office.umbertide, person: null, access: { reason: 'sent_by', sentByOfficeId: office.sportello } });
    expect(got.body.receivedFrom!.snapshot).toMatchObject({ userSurname: 'Bruni', userName: 'Elena' });
  });

  it('accepts from another ambito with the sender described in words and no person; concurrent accepts: one wins', async () => {
    const s = await newIntake(sportello);
    const sent = (await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.perugia })).body;
    expect(sent.destAmbitoName).not.toBe(sent.sourceAmbitoName);
    const other = await t.as('sportello2');
    const [a, b] = await Promise.all([
      sportello2.call('intakeRecords.receive', { transferId: sent.id, version: sent.version }),
      other.call('intakeRecords.receive', { transferId: sent.id, version: sent.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? a.body : b.body;
    expect(won).toMatchObject({ person: null, access: { reason: 'sent_by', sentByOfficeId: null, sentByText: expect.stringContaining(' — ') } });
    const rows = await db().selectFrom('intake_record').select('id').where('received_from', '=', sent.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('is 404 at a desk that is not the destination, and for the sender', async () => {
    const s = await newIntake(sportello);
    const sent = (await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.perugia })).body;
    for (const c of [sportelloB, sportello, responsabile]) {
      expect((await c.call('intakeRecords.receive', { transferId: sent.id, version: sent.version })).status).toBe(404);
      expect((await c.call('intakeRecords.refuse', { transferId: sent.id, version: sent.version, reason: 'Non di competenza' })).status).toBe(404);
    }
    const inboxB = await sportelloB.call('intakeTransfers.find', { direction: 'received' });
    expect(inboxB.body.items.map((i: { id: string }) => i.id)).not.toContain(sent.id);
  });

  it('refuses with a reason, tells the sending desk, and then neither accepts nor refuses again', async () => {
    const s = await newIntake(sportello);
    const sent = (await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.perugia })).body;
    const short = await sportello2.call('intakeRecords.refuse', { transferId: sent.id, version: sent.version, reason: 'no' });
    expect(short.status).toBe(400);
    expect(short.error.details[0]!.path).toBe('reason');
    const refused = await sportello2.call('intakeRecords.refuse', { transferId: sent.id, version: sent.version, reason: 'Residente in altro comune' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: 'Residente in altro comune', decidedByName: expect.any(String), version: 1, abilities: [] });
    // The alert leads the sending desk to its own scheda (it cannot open the destination's inbox).
    const refusedAlerts = await alertsOf('sportello', 'intake.refused', s.id);
    expect(refusedAlerts).toHaveLength(1);
    expect(refusedAlerts[0]!.link_kind).toBe('intakeRecord');
    expect((await sportello2.call('intakeRecords.receive', { transferId: sent.id, version: 1 })).status).toBe(409);
    expect((await sportello2.call('intakeRecords.refuse', { transferId: sent.id, version: 1, reason: 'Ancora non di competenza' })).status).toBe(409);
    // Once refused, the scheda may be sent there again.
    expect((await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.perugia })).status).toBe(200);
  });
});

describe('inbox and outbox', () => {
  it('lists sent and received transfers of the desk, newest first, keyset-paged, with the status filter', async () => {
    const s = await newIntake(sportello);
    const first = (await sportello.call('intakeRecords.send', { id: s.id, version: s.version, destOfficeId: office.umbertide })).body;
    const s2 = await newIntake(sportello);
    const second = (await sportello.call('intakeRecords.send', { id: s2.id, version: s2.version, destOfficeId: office.umbertide })).body;
    const p1 = await sportelloB.call('intakeTransfers.find', { direction: 'received', status: 'sent', limit: 1 });
    expect(p1.status, JSON.stringify(p1.body)).toBe(200);
    expect(p1.body.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
    const p2 = await sportelloB.call('intakeTransfers.find', { direction: 'received', status: 'sent', limit: 1, cursor: p1.body.nextCursor! });
    expect(p2.body.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    // Reading the user's name in the inbox is a read of that person, in the audit.
    const audited = await db().selectFrom('audit_event').select(['subject_people', 'classes_read']).where('action', '=', 'intakeTransfers.find')
      .where('operator_id', '=', (await placementOf(db(), 'sportelloB')).operatorId).execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
    expect(audited.every((a) => a.subject_people.includes(personId) && a.classes_read.includes('personal'))).toBe(true);
    const outbox = await sportello.call('intakeTransfers.find', { direction: 'sent', limit: 200 });
    expect(outbox.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(outbox.body.items.every((i: { abilities: string[] }) => i.abilities.length === 0)).toBe(true);
    // The sender's outbox is not the receiver's inbox.
    const senderInbox = await sportello.call('intakeTransfers.find', { direction: 'received', limit: 200 });
    expect(senderInbox.body.items.map((i: { id: string }) => i.id)).not.toContain(first.id);
    const refused = await sportelloB.call('intakeTransfers.find', { direction: 'received', status: 'refused' });
    expect(refused.body.items).toEqual([]);
  });

  it('is not for profiles outside the desk', async () => {
    expect((await (await t.as('admin')).call('intakeTransfers.find', { direction: 'received' })).status).toBe(403);
    expect((await (await t.as('terzosettore')).call('intakeTransfers.find', { direction: 'received' })).status).toBe(403);
  });
});
