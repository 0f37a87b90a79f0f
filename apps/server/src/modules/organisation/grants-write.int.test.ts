import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type InputOf, type TestApp, type TestClient } from '../../testing/test-app.js';
import { addOperator } from '../../testing/add-operator.js';
import { createPerson } from '../../testing/persons.js';
import { placementOf } from '../../testing/placement.js';
import { fullSections } from '../../access/matrix/intake-fixtures.js';

/**
 * Sharing with writing (issue 11, point 1) through the real HTTP pipeline: `access_grant.can_write`
 * and the write rule "scope OR write grant"; who may give writing; expired and revoked grants; a grant
 * reaches exactly its subject; the lists of shares (grants.find) and of emergency accesses
 * (breakGlass.find); the subjects' picker (grants.subjects). Every write audited.
 *
 * Personas (demo seed): the desk operator writes schede and people in her desk (office scope); the
 * social worker reads and writes only what she created (own scope); the sector head the whole comune.
 */
let t: TestApp;
let sportello: TestClient;
let assistente: TestClient;
let responsabile: TestClient;
let dpo: TestClient;
let dpo2: TestClient;
/** A second social worker in the same office as `assistente`, and one working at the desk of the same comune. */
let colleague: TestClient;
let atDesk: TestClient;
let me: { operatorId: string; officeId: string; enteId: string };

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
  assistente = await t.as('assistente');
  responsabile = await t.as('responsabile');
  dpo = await t.as('dpo');
  dpo2 = await t.as('dpo2');
  colleague = (await addOperator(t, { username: 'collega.ssp', like: 'assistente', officeType: 'servizio_sociale_professionale', profile: 'assistente_sociale', professionalType: 'assistente_sociale' })).client;
  atDesk = (await addOperator(t, { username: 'sociale.sportello', like: 'assistente', officeType: 'sportello_accoglienza', profile: 'assistente_sociale', professionalType: 'assistente_sociale' })).client;
  const p = await placementOf(t.database.db, 'assistente');
  me = { operatorId: p.operatorId, officeId: p.officeId, enteId: p.enteId };
});
afterAll(async () => t?.close());

/** A scheda written at the desk: the social worker does not see it by scope. */
async function deskScheda(): Promise<{ id: string; version: number }> {
  const person = await createPerson(sportello, { surname: 'Condivisa', name: 'Lucia' });
  const s = await sportello.call('intakeRecords.create', fullSections(person.body.id));
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return { id: s.body.id, version: s.body.version };
}

/** The sector head shares a record with a subject; returns the grant. */
type GrantInput = InputOf<'grants.create'>;
async function share(recordKind: GrantInput['recordKind'], recordId: string, subject: { kind: GrantInput['subjectKind']; id: string }, extra: Partial<GrantInput> = {}) {
  const res = await responsabile.call('grants.create', {
    recordKind, recordId, subjectKind: subject.kind, subjectId: subject.id, purpose: 'Presa in carico congiunta', validFrom: today(), ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: string; canWrite: boolean };
}

const updateScheda = (c: TestClient, s: { id: string; version: number }) =>
  c.call('intakeRecords.update', { id: s.id, version: s.version, access: { description: 'Aggiornata da chi ha la condivisione' } });

describe('write grants', () => {
  it('a write grant lets its holder change the scheda and the person; a read grant lets them read only', async () => {
    const s = await deskScheda();
    const operator = { kind: 'operator', id: me.operatorId } as const;
    expect((await assistente.call('intakeRecords.get', { id: s.id })).status).toBe(404);

    const read = await share('intakeRecord', s.id, operator);
    expect(read.canWrite).toBe(false);
    const seen = await assistente.call('intakeRecords.get', { id: s.id });
    expect(seen.status).toBe(200);
    expect(seen.body.abilities).not.toContain('intakeRecords.update');
    // Seen but not writable: 403 for a scheda, as the house answers (intake-repo.ts).
    expect((await updateScheda(assistente, s)).status).toBe(403);

    const write = await share('intakeRecord', s.id, operator, { canWrite: true });
    expect(write.canWrite).toBe(true);
    expect((await assistente.call('intakeRecords.get', { id: s.id })).body.abilities).toContain('intakeRecords.update');
    const updated = await updateScheda(assistente, s);
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.access!.description).toBe('Aggiornata da chi ha la condivisione');
    const audit = await sql<{ action: string; details: { canWrite?: boolean } }>`
      SELECT action, details FROM audit_event WHERE targets @> ${JSON.stringify([{ kind: 'access_grant', id: write.id }])}::jsonb`.execute(t.database.db);
    expect(audit.rows).toEqual([expect.objectContaining({ action: 'grants.create', details: expect.objectContaining({ canWrite: true }) })]);
  });

  it('a person shared for reading answers 404 to a write (as the registry does), shared with writing is changed', async () => {
    const person = await createPerson(sportello, { surname: 'Scrivibile', name: 'Marta' });
    const update = () => assistente.call('persons.update', { id: person.body.id, version: person.body.version, notes: 'Nota di chi ha la condivisione' });
    await share('person', person.body.id, { kind: 'operator', id: me.operatorId });
    expect((await assistente.call('persons.get', { id: person.body.id })).status).toBe(200);
    expect((await update()).status).toBe(404);
    await share('person', person.body.id, { kind: 'operator', id: me.operatorId }, { canWrite: true });
    const done = await update();
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.notes).toBe('Nota di chi ha la condivisione');
  });

  it('writing is given only by who may write the record; a write grant may be handed on with writing', async () => {
    const s = await deskScheda();
    await share('intakeRecord', s.id, { kind: 'operator', id: me.operatorId });
    const onward = { recordKind: 'intakeRecord', recordId: s.id, subjectKind: 'office', subjectId: me.officeId, purpose: 'Valutazione di équipe', validFrom: today() } satisfies GrantInput;
    const refused = await assistente.call('grants.create', { ...onward, canWrite: true });
    expect(refused.status).toBe(403);
    expect(refused.error.details).toEqual([{ path: 'canWrite', message: 'Si può condividere con scrittura solo un record che si può modificare.' }]);
    expect((await assistente.call('grants.create', onward)).status).toBe(200);
    await share('intakeRecord', s.id, { kind: 'operator', id: me.operatorId }, { canWrite: true });
    expect((await assistente.call('grants.create', { ...onward, canWrite: true })).status).toBe(200);
  });

  it('an expired or revoked grant stops reading and writing alike', async () => {
    const expired = await deskScheda();
    await share('intakeRecord', expired.id, { kind: 'operator', id: me.operatorId }, { validFrom: daysAgo(30), validTo: daysAgo(2), canWrite: true });
    expect((await assistente.call('intakeRecords.get', { id: expired.id })).status).toBe(404);
    expect((await updateScheda(assistente, expired)).status).toBe(404);

    const revoked = await deskScheda();
    const g = await share('intakeRecord', revoked.id, { kind: 'operator', id: me.operatorId }, { canWrite: true });
    expect((await updateScheda(assistente, revoked)).status).toBe(200);
    expect((await responsabile.call('grants.revoke', { id: g.id })).status).toBe(200);
    expect((await assistente.call('intakeRecords.get', { id: revoked.id })).status).toBe(404);
    expect((await updateScheda(assistente, { id: revoked.id, version: revoked.version + 1 })).status).toBe(404);
  });

  it('a grant reaches exactly its subject: the operator, the office, or the whole ente only when the ente is the subject', async () => {
    const toOperator = await deskScheda();
    await share('intakeRecord', toOperator.id, { kind: 'operator', id: me.operatorId }, { canWrite: true });
    expect((await colleague.call('intakeRecords.get', { id: toOperator.id })).status).toBe(404);
    expect((await updateScheda(colleague, toOperator)).status).toBe(404);

    const toOffice = await deskScheda();
    await share('intakeRecord', toOffice.id, { kind: 'office', id: me.officeId }, { canWrite: true });
    expect((await updateScheda(colleague, toOffice)).status).toBe(200);
    expect((await assistente.call('intakeRecords.get', { id: toOffice.id })).status).toBe(200);
    // Another office of the same comune is not the subject.
    expect((await atDesk.call('intakeRecords.get', { id: toOffice.id })).status).toBe(404);
    expect((await updateScheda(atDesk, { id: toOffice.id, version: toOffice.version + 1 })).status).toBe(404);

    const toEnte = await deskScheda();
    await share('intakeRecord', toEnte.id, { kind: 'ente', id: me.enteId });
    expect((await atDesk.call('intakeRecords.get', { id: toEnte.id })).status).toBe(200);
    expect((await updateScheda(atDesk, toEnte)).status).toBe(403);
  });

  it('writing is shared inside the record’s ambito only: across ambiti a share reads', async () => {
    const s = await deskScheda();
    const there = await placementOf(t.database.db, 'assistente2');
    const refused = await responsabile.call('grants.create', {
      recordKind: 'intakeRecord', recordId: s.id, subjectKind: 'operator', subjectId: there.operatorId, purpose: 'Trasferimento di residenza', validFrom: today(), canWrite: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.error.details).toEqual([{ path: 'subjectId', message: expect.stringContaining("dell'ambito del record") }]);
    // Even a write grant put there by other means writes nothing outside the actor's ambito.
    await t.database.db.insertInto('access_grant').values({
      id: crypto.randomUUID(), ambito_id: (await placementOf(t.database.db, 'sportello')).ambitoId!, ente_id: me.enteId, record_kind: 'intakeRecord', record_id: s.id,
      subject_kind: 'operator', subject_id: there.operatorId, purpose: 'inserita dal test', valid_from: daysAgo(1), can_write: true,
    }).execute();
    const assistente2 = await t.as('assistente2');
    expect((await assistente2.call('intakeRecords.get', { id: s.id })).status).toBe(200);
    expect((await updateScheda(assistente2, s)).status).toBe(403);
  });
});

describe('lists of shares and emergency accesses', () => {
  it('lists a record’s shares with names to its holder, only their own to a read grantee, every share of the ambito to its DPO', async () => {
    const s = await deskScheda();
    const first = await share('intakeRecord', s.id, { kind: 'operator', id: me.operatorId });
    const toOffice = await share('intakeRecord', s.id, { kind: 'office', id: me.officeId }, { hideInfoFrom: (await placementOf(t.database.db, 'responsabile')).officeId });
    const mine = await assistente.call('grants.create', { recordKind: 'intakeRecord', recordId: s.id, subjectKind: 'ente', subjectId: (await placementOf(t.database.db, 'assistenteB')).enteId, purpose: 'Condivisione con il comune vicino', validFrom: today() });
    expect(mine.status).toBe(200);

    const byHolder = await responsabile.call('grants.find', { recordKind: 'intakeRecord', recordId: s.id });
    expect(byHolder.status).toBe(200);
    expect(byHolder.body.items).toHaveLength(3);
    expect(byHolder.body.items[2]).toMatchObject({
      id: first.id, status: 'active', canWrite: false, subjectKind: 'operator', subjectName: 'Anna Sociale', grantedByName: 'Roberto Settore',
      subjectDetail: expect.stringContaining('Servizio Sociale Professionale'), abilities: ['grants.revoke'],
    });
    expect(byHolder.body.items[1]).toMatchObject({ subjectKind: 'office', subjectName: 'Servizio Sociale Professionale', canWrite: false, hideInfoFromName: expect.any(String) });
    // The social worker reads the scheda through a read grant: she sees the share she made, not who else reads it.
    const byGrantee = await assistente.call('grants.find', { recordKind: 'intakeRecord', recordId: s.id });
    expect(byGrantee.body.items.map((g: { id: string }) => g.id)).toEqual([mine.body.id]);
    expect((await colleague.call('grants.find', { recordKind: 'intakeRecord', recordId: (await deskScheda()).id })).status).toBe(404);

    const all = await dpo.call('grants.find', { limit: 200 });
    expect(all.status).toBe(200);
    expect(all.body.items.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([first.id, mine.body.id]));
    expect((await dpo2.call('grants.find', { limit: 200 })).body.items.map((g: { id: string }) => g.id)).not.toContain(first.id);
    const mineIds = async () => (await assistente.call('grants.find', { limit: 200 })).body.items.map((g: { id: string }) => g.id);
    expect(await mineIds()).toContain(mine.body.id);
    expect((await responsabile.call('grants.revoke', { id: first.id })).status).toBe(200);
    expect((await responsabile.call('grants.revoke', { id: toOffice.id })).status).toBe(200);
    // Her own share of a scheda she no longer sees leaves her list (it stays in the DPO's).
    expect(await mineIds()).not.toContain(mine.body.id);
    const current = await dpo.call('grants.find', { current: true, limit: 200 });
    expect(current.body.items.map((g: { id: string }) => g.id)).not.toContain(first.id);
    const page = await dpo.call('grants.find', { limit: 1 });
    const next = await dpo.call('grants.find', { limit: 1, cursor: page.body.nextCursor! });
    expect(next.body.items[0]!.id).not.toBe(page.body.items[0]!.id);
    const read = await sql<{ subject_people: string[] }>`SELECT subject_people FROM audit_event WHERE action = 'grants.find' AND targets @> ${JSON.stringify([{ kind: 'intakeRecord', id: s.id }])}::jsonb`.execute(t.database.db);
    expect(read.rows.length).toBeGreaterThanOrEqual(3);
  });

  it('the sharing form finds operators, offices and enti by name, with where they work', async () => {
    const ops = await responsabile.call('grants.subjects', { kind: 'operator', q: 'sociale' });
    expect(ops.status).toBe(200);
    expect(ops.body.items).toEqual(expect.arrayContaining([{ kind: 'operator', id: me.operatorId, name: 'Anna Sociale', detail: expect.stringContaining('Servizio Sociale Professionale') }]));
    const read = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event WHERE action = 'grants.subjects'
      AND targets @> ${JSON.stringify([{ kind: 'operator', id: me.operatorId }])}::jsonb`.execute(t.database.db);
    expect(read.rows[0]!.n).toBe(1);
    const offices = await responsabile.call('grants.subjects', { kind: 'office', q: 'professionale' });
    expect(offices.body.items.map((o: { id: string }) => o.id)).toContain(me.officeId);
    const enti = await responsabile.call('grants.subjects', { kind: 'ente' });
    expect(enti.body.items.map((o: { id: string }) => o.id)).toContain(me.enteId);
    expect((await sportello.call('grants.subjects', { kind: 'ente' })).status).toBe(403);
  });

  it('break-the-glass on a shared scheda opens its private notes; the opener sees it open, the DPO every one', async () => {
    const s = await deskScheda();
    expect((await sportello.call('intakeNotes.create', { intakeId: s.id, text: 'Nota privata dello sportello', private: true })).status).toBe(200);
    await share('intakeRecord', s.id, { kind: 'operator', id: me.operatorId });
    const before = await assistente.call('intakeRecords.get', { id: s.id });
    expect(before.body.notes[0]!.text).toEqual({ masked: true });

    const status = await assistente.call('breakGlass.find', { recordKind: 'intakeRecord', recordId: s.id, open: true });
    expect(status.body).toEqual({ items: [], nextCursor: null, openable: ['reserved'] });
    const short = await assistente.call('breakGlass.open', { recordKind: 'intakeRecord', recordId: s.id, classes: ['reserved'], reason: 'Troppo breve', minutes: 30 });
    expect(short.status).toBe(400);
    expect(short.error.details).toEqual([{ path: 'reason', message: 'Scrivere una motivazione di almeno 20 caratteri.' }]);
    const opened = await assistente.call('breakGlass.open', { recordKind: 'intakeRecord', recordId: s.id, classes: ['reserved'], reason: 'Rischio per la persona: serve la nota dello sportello.', minutes: 30 });
    expect(opened.status).toBe(200);
    expect((await assistente.call('intakeRecords.get', { id: s.id })).body.notes[0]!.text).toBe('Nota privata dello sportello');

    const open = await assistente.call('breakGlass.find', { recordKind: 'intakeRecord', recordId: s.id, open: true });
    expect(open.body.items).toEqual([expect.objectContaining({ id: opened.body.id, open: true, classes: ['reserved'], expiresAt: opened.body.expiresAt, operatorName: 'Anna Sociale' })]);
    expect((await colleague.call('breakGlass.find', {})).body.items).toEqual([]);
    const byDpo = await dpo.call('breakGlass.find', { limit: 200 });
    expect(byDpo.body.items.map((b: { id: string }) => b.id)).toContain(opened.body.id);
    expect((await dpo2.call('breakGlass.find', { limit: 200 })).body.items.map((b: { id: string }) => b.id)).not.toContain(opened.body.id);
    expect((await dpo.call('breakGlass.find', { open: false, limit: 200 })).body.items.map((b: { id: string }) => b.id)).not.toContain(opened.body.id);
    expect((await sportello.call('breakGlass.find', {})).status).toBe(403);
  });
});
