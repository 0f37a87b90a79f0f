import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type InputOf, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { placementOf } from '../../testing/placement.js';
import { addOperator } from '../../testing/add-operator.js';
import { PDF_BYTES } from '../../testing/attachment-fixtures.js';
import { todayInRome } from '../persons/validate-person.js';

/**
 * Schede di accesso through the real HTTP pipeline (issue 5, points 1 and 2, bad input and safety):
 * create incomplete, save sections, complete with the desk's mandatory sections, numbering, bad input
 * per section, one-transaction saves, idempotency, optimistic locking, private notes, masking per
 * desk, excluded profiles, third-sector access points, scope across enti and ambiti, audit and the
 * search slots.
 */
let t: TestApp;
let sportello: TestClient;
let responsabile: TestClient;
let sportelloB: TestClient;
let sportello2: TestClient;
let colleague: TestClient;
let foreignersHead: TestClient;
let personId: string;
let generalDesk: string;
let foreignersDesk: string;
let permitType: string;

const db = () => t.database.db;

/** What the writes of the actions on a scheda leave behind: version, transfers, requests, files, notes, notices, grants, break-the-glass. */
async function writesOn(intakeId: string) {
  const r = await sql`
    SELECT (SELECT version FROM intake_record WHERE id = ${intakeId}) AS version,
           (SELECT count(*)::int FROM intake_transfer WHERE source_intake_id = ${intakeId}) AS transfers,
           (SELECT count(*)::int FROM intake_note WHERE intake_id = ${intakeId}) AS notes,
           (SELECT json_agg(json_build_object('id', id, 'version', version, 'status', status) ORDER BY id) FROM service_request WHERE intake_id = ${intakeId}) AS requests,
           (SELECT count(*)::int FROM attachment a JOIN service_request sr ON sr.id = a.owner_id WHERE sr.intake_id = ${intakeId} AND a.deleted_at IS NULL) AS files,
           (SELECT count(*)::int FROM privacy_notice WHERE intake_id = ${intakeId}) AS notices,
           (SELECT count(*)::int FROM access_grant WHERE record_id = ${intakeId}) AS grants,
           (SELECT count(*)::int FROM break_glass WHERE record_id = ${intakeId}) AS glass`.execute(db());
  return r.rows[0];
}

const complete = { interlocutor: { type: 'user' }, needs: { codes: ['FIS01'] }, outcome: { type: 'information' } } satisfies Partial<InputOf<'intakeRecords.create'>>;
const paths = (body: { details: Array<{ path: string }> }) => body.details.map((d) => d.path).sort();

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
  responsabile = await t.as('responsabile');
  sportelloB = await t.as('sportelloB');
  sportello2 = await t.as('sportello2');
  colleague = (await addOperator(t, { username: 'sportello_collega', like: 'sportello', officeType: 'sportello_accoglienza', profile: 'operatore_sportello' })).client;
  foreignersHead = (await addOperator(t, { username: 'stranieri_resp', like: 'sportello', officeType: 'sportello_stranieri', profile: 'responsabile_settore' })).client;
  const p = await createPerson(sportello, { surname: 'Rossi', name: 'Maria' });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  personId = p.body.id;
  generalDesk = (await placementOf(db(), 'sportello')).officeId;
  foreignersDesk = (await placementOf(db(), 'stranieri_resp')).officeId;
  permitType = (await db().selectFrom('ref_code').select('code').where('list', '=', 'siso.motivo_permesso_soggiorno').orderBy('code').executeTakeFirstOrThrow()).code;
});
afterAll(async () => t?.close());

describe('a scheda from incomplete to complete', () => {
  it('saves an incomplete scheda with a number and today as access date, completes it once the mandatory sections are filled', async () => {
    const created = await sportello.call('intakeRecords.create', { access: { mode: 'in_person', reason: 'spontaneous' } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({
      status: 'incomplete', accessDate: todayInRome(), officeId: generalDesk, operatorName: 'Silvia Accoglienza', person: null, version: 0,
      desk: { kind: 'general', mandatorySections: ['access', 'interlocutor', 'user', 'needs', 'outcome'] },
    });
    expect(created.body.number).toMatch(new RegExp(`^${todayInRome().slice(0, 4)}/\\d{6}$`));
    expect(created.body.missingSections.map((m: { section: string }) => m.section)).toEqual(['interlocutor', 'user', 'needs', 'outcome']);
    expect(created.body.abilities).toEqual(expect.arrayContaining(['intakeRecords.update', 'intakeRecords.complete']));

    const early = await sportello.call('intakeRecords.complete', { id: created.body.id, version: 0 });
    expect(early.status).toBe(422);
    expect(paths(early.error)).toEqual(['interlocutor', 'needs', 'outcome', 'user']);
    expect(early.error.details[0]!.message).toMatch(/obbligatoria/);

    const saved = await sportello.call('intakeRecords.update', { id: created.body.id, version: 0, personId, ...complete });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, missingSections: [], person: { id: personId, surname: 'Rossi' }, interlocutor: { type: 'user' }, needs: { codes: ['FIS01'] } });
    // The sections not sent stay as they were.
    expect(saved.body.access).toMatchObject({ mode: 'in_person', reason: 'spontaneous', date: todayInRome() });

    const done = await sportello.call('intakeRecords.complete', { id: created.body.id, version: 1 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'complete', version: 2 });
    expect(done.body.completedAt).toEqual(expect.any(String));
    expect(done.body.abilities).not.toContain('intakeRecords.complete');
    const twice = await sportello.call('intakeRecords.complete', { id: created.body.id, version: 2 });
    expect(twice.status).toBe(409);

    // A complete scheda is still updated, but never left without a mandatory section.
    const emptied = await sportello.call('intakeRecords.update', { id: created.body.id, version: 2, needs: { codes: [] } });
    expect(emptied.status).toBe(422);
    expect(paths(emptied.error)).toEqual(['needs']);
    const edited = await sportello.call('intakeRecords.update', { id: created.body.id, version: 2, needs: { codes: ['FIS01', 'FIS02'], notes: 'anche casa' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'complete', version: 3, needs: { codes: ['FIS01', 'FIS02'] } });

    const listed = await sportello.call('intakeRecords.find', { number: created.body.number });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ id: created.body.id, status: 'complete', outcome: 'information', person: { id: personId, surname: 'Rossi' }, proposalStatus: null });
  });

  it('numbers schede progressively per ente and lists them newest first, page by page', async () => {
    const a = await sportello.call('intakeRecords.create', { access: { date: '2026-01-05' } });
    const b = await sportello.call('intakeRecords.create', { access: { date: '2026-01-06' } });
    expect(Number(b.body.number.slice(5))).toBe(Number(a.body.number.slice(5)) + 1);
    // Another ente counts on its own.
    const other = await sportelloB.call('intakeRecords.create', {});
    expect(other.body.number).toMatch(/\/000001$/);
    const first = await sportello.call('intakeRecords.find', { from: '2026-01-05', to: '2026-01-06', limit: 1 });
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([b.body.id]);
    const second = await sportello.call('intakeRecords.find', { from: '2026-01-05', to: '2026-01-06', limit: 1, cursor: first.body.nextCursor! });
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([a.body.id]);
    expect(second.body.nextCursor).toBeNull();
    // An office-scope desk operator cannot list every office of the ente.
    expect((await sportello.call('intakeRecords.find', { allOffices: true })).status).toBe(403);
    expect((await responsabile.call('intakeRecords.find', { allOffices: true })).status).toBe(200);
  });
});

describe('bad input', () => {
  it('names every wrong field of every section in one answer', async () => {
    const contactPointB = await db().selectFrom('contact_point').select('id').where('office_id', '=', (await placementOf(db(), 'sportelloB')).officeId).executeTakeFirstOrThrow();
    const otherAmbitoOffice = (await placementOf(db(), 'sportello2')).officeId;
    const stranger = await createPerson(sportello2, { surname: 'Lontano' });
    const r = await sportello.call('intakeRecords.create', {
      access: { date: '2999-01-01', contactPointId: contactPointB.id, sentByOfficeId: otherAmbitoOffice },
      personId: stranger.body.id,
      social: { workCondition: 'XXX', education: 'ELE' },
      foreigner: { permitType: 'NOPE' },
      needs: { codes: ['FIS01', 'ZZZ99'] },
      services: { requested: ['UDC79', 'NOPE'] },
    });
    expect(r.status).toBe(400);
    expect(r.error.code).toBe('invalid_input');
    expect(paths(r.error)).toEqual([
      'access.contactPointId', 'access.date', 'access.sentByOfficeId', 'foreigner.permitType', 'needs.codes.1', 'personId', 'services.requested.1', 'social.workCondition',
    ]);
    expect(r.error.details.find((d: { path: string }) => d.path === 'access.date')!.message).toMatch(/futuro/);
    const many = await sportello.call('intakeRecords.create', { references: [1, 2, 3, 4].map((i) => ({ surname: `Ref${i}` })) });
    expect(many.status).toBe(400);
    expect(paths(many.error)).toEqual(['references']);
  });

  it('keeps the previous state when one section of a save is wrong (one transaction)', async () => {
    const s = await sportello.call('intakeRecords.create', { access: { mode: 'phone_referral', reason: 'spontaneous' }, interlocutor: { type: 'user' } });
    const bad = await sportello.call('intakeRecords.update', { id: s.body.id, version: 0, interlocutor: { type: 'relative', surname: 'Bianchi' }, needs: { codes: ['NOPE'] } });
    expect(bad.status).toBe(400);
    expect(paths(bad.error)).toEqual(['needs.codes.0']);
    const again = await sportello.call('intakeRecords.get', { id: s.body.id });
    expect(again.body).toMatchObject({ version: 0, interlocutor: { type: 'user' }, needs: null });
  });

  it('refuses a stale version (409) and replays a request sent twice with the same idempotency key', async () => {
    const s = await sportello.call('intakeRecords.create', {});
    expect((await sportello.call('intakeRecords.update', { id: s.body.id, version: 0, interlocutor: { type: 'user' } })).status).toBe(200);
    const stale = await sportello.call('intakeRecords.update', { id: s.body.id, version: 0, interlocutor: { type: 'other', surname: 'X' } });
    expect(stale.status).toBe(409);

    const key = `intake-${crypto.randomUUID()}`;
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM intake_record`.execute(db())).rows[0]!.n;
    const one = await sportello.call('intakeRecords.create', { access: { mode: 'email' } }, { headers: { 'idempotency-key': key } });
    const two = await sportello.call('intakeRecords.create', { access: { mode: 'email' } }, { headers: { 'idempotency-key': key } });
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    expect(two.body.id).toBe(one.body.id);
    const after = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM intake_record`.execute(db())).rows[0]!.n;
    expect(after).toBe(before + 1);
  });
});

describe('configuration-defined fields and outcomes', () => {
  it("validates the desk's custom fields, refuses fields of other desks, and requires the required ones to complete", async () => {
    const regioneId = (await db().selectFrom('regione').select('id').executeTakeFirstOrThrow()).id;
    const def = (key: string, appliesTo: string | null, type: string, required: boolean, fieldClass: string, min: number | null = null) => ({
      id: crypto.randomUUID(), regione_id: regioneId, ambito_id: null, target: 'intake', applies_to: appliesTo, key, label_it: key, type, required, field_class: fieldClass, min_value: min,
    });
    await db().insertInto('field_definition').values([def('isee_dichiarato', null, 'number', false, 'personal', 0), def('progetto_fami', 'foreigners', 'text', true, 'foreigner')]).execute();

    const bad = await foreignersHead.call('intakeRecords.create', { custom: { isee_dichiarato: -5, sconosciuto: 'x' } });
    expect(bad.status).toBe(400);
    expect(paths(bad.error)).toEqual(['custom.isee_dichiarato', 'custom.sconosciuto']);
    const ok = await foreignersHead.call('intakeRecords.create', { custom: { isee_dichiarato: 8000 } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.custom).toEqual({ isee_dichiarato: 8000 });
    expect(ok.body.customFields.map((f: { key: string }) => f.key).sort()).toEqual(['isee_dichiarato', 'progetto_fami']);
    expect(ok.body.missingSections).toContainEqual({ section: 'custom', fields: ['progetto_fami'] });
    expect(ok.body.desk).toMatchObject({ kind: 'foreigners', mandatorySections: ['access', 'interlocutor', 'user', 'foreigner', 'outcome'] });

    // The general desk does not offer the foreigners' desk field.
    const elsewhere = await sportello.call('intakeRecords.create', { custom: { progetto_fami: 'FAMI 2021-2027' } });
    expect(elsewhere.status).toBe(400);
    expect(paths(elsewhere.error)).toEqual(['custom.progetto_fami']);
  });

  it('asks a proposal to take charge for its social category before completing', async () => {
    const s = await sportello.call('intakeRecords.create', { access: { mode: 'in_person', reason: 'spontaneous' }, personId, ...complete, outcome: { type: 'take_charge_proposal' } });
    expect(s.body.missingSections).toEqual([{ section: 'outcome', fields: ['socialCategory'] }]);
    const r = await sportello.call('intakeRecords.complete', { id: s.body.id, version: 0 });
    expect(r.status).toBe(422);
    expect(paths(r.error)).toEqual(['outcome']);

    const filled = await sportello.call('intakeRecords.update', { id: s.body.id, version: 0, outcome: { type: 'take_charge_proposal', socialCategory: 'anziani' } });
    expect(filled.body.missingSections).toEqual([]);
    const done = await sportello.call('intakeRecords.complete', { id: s.body.id, version: 1 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.proposal).toMatchObject({ status: 'proposed', socialCategory: 'anziani' });
    const listed = await sportello.call('intakeRecords.find', { number: s.body.number });
    expect(listed.body.items[0]).toMatchObject({ proposalStatus: 'proposed', outcome: 'take_charge_proposal', socialCategory: 'anziani' });
  });
});

describe('diary', () => {
  it('shows a private note to its author, the scheda creator and the sector head, masked to another desk operator', async () => {
    const s = await sportello.call('intakeRecords.create', { personId });
    const mine = await sportello.call('intakeNotes.create', { intakeId: s.body.id, text: 'Riferisce violenza domestica', private: true });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body).toMatchObject({ private: true, text: 'Riferisce violenza domestica', authorName: 'Silvia Accoglienza' });
    const open = await colleague.call('intakeNotes.create', { intakeId: s.body.id, text: 'Richiamare lunedì' });
    const theirs = await colleague.call('intakeNotes.create', { intakeId: s.body.id, text: 'Nota riservata della collega', private: true });
    expect(open.status).toBe(200);

    const byColleague = (await colleague.call('intakeRecords.get', { id: s.body.id })).body.notes;
    expect(byColleague.map((n: { text: unknown }) => n.text)).toEqual([{ masked: true }, 'Richiamare lunedì', 'Nota riservata della collega']);
    // The creator reads every private note of their scheda.
    const byCreator = (await sportello.call('intakeRecords.get', { id: s.body.id })).body.notes;
    expect(byCreator.map((n: { text: unknown }) => n.text)).toEqual(['Riferisce violenza domestica', 'Richiamare lunedì', 'Nota riservata della collega']);
    const byHead = (await responsabile.call('intakeRecords.get', { id: s.body.id })).body.notes;
    expect(byHead.find((n: { id: string }) => n.id === theirs.body.id)!.text).toBe('Nota riservata della collega');
    // Someone who cannot read the scheda cannot write in its diary.
    expect((await sportelloB.call('intakeNotes.create', { intakeId: s.body.id, text: 'x' })).status).toBe(404);
  });
});

describe('masking per desk', () => {
  it("masks health notes at the foreigners' desk and shows permit data; the desk's masking profile applies", async () => {
    const s = await responsabile.call('intakeRecords.create', {
      personId,
      social: { household: 'Vive sola', healthNotes: 'Diabete', invalidityPercent: 75 },
      foreigner: { permitStatus: 'valid', permitType },
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.social).toMatchObject({ healthNotes: 'Diabete', invalidityPercent: 75 });
    const atForeigners = await foreignersHead.call('intakeRecords.get', { id: s.body.id });
    expect(atForeigners.status).toBe(200);
    expect(atForeigners.body.social).toMatchObject({ household: 'Vive sola', healthNotes: { masked: true }, invalidityPercent: { masked: true } });
    expect(atForeigners.body.foreigner).toMatchObject({ permitStatus: 'valid', permitType });
    // A desk that cannot read health data cannot erase it either: replacing the section keeps it.
    const replaced = await foreignersHead.call('intakeRecords.update', { id: s.body.id, version: 0, social: { household: 'Vive con la figlia' } });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect((await responsabile.call('intakeRecords.get', { id: s.body.id })).body.social).toMatchObject({ household: 'Vive con la figlia', healthNotes: 'Diabete' });
    const writeHealth = await foreignersHead.call('intakeRecords.update', { id: s.body.id, version: 1, social: { healthNotes: 'x' } });
    expect(writeHealth.status).toBe(403);
    // Break-the-glass on this scheda opens the health notes for a while, on this scheda only.
    const opened = await foreignersHead.call('breakGlass.open', { recordKind: 'intakeRecord', recordId: s.body.id, classes: ['special'], reason: 'Emergenza sanitaria segnalata allo sportello', minutes: 5 });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect((await foreignersHead.call('intakeRecords.get', { id: s.body.id })).body.social).toMatchObject({ healthNotes: 'Diabete', invalidityPercent: 75 });
    const other = await responsabile.call('intakeRecords.create', { personId, social: { healthNotes: 'Altro' } });
    expect((await foreignersHead.call('intakeRecords.get', { id: other.body.id })).body.social).toMatchObject({ healthNotes: { masked: true } });

    await db().updateTable('desk_config').set({ readable_classes: ['public', 'personal'] }).where('office_id', '=', foreignersDesk).execute();
    try {
      const narrowed = await foreignersHead.call('intakeRecords.get', { id: s.body.id });
      expect(narrowed.body.foreigner).toMatchObject({ permitStatus: { masked: true }, permitType: { masked: true } });
      expect(narrowed.body.social).toMatchObject({ household: 'Vive con la figlia' });
    } finally {
      await db().updateTable('desk_config').set({ readable_classes: ['public', 'personal', 'judicial', 'reserved', 'foreigner'] }).where('office_id', '=', foreignersDesk).execute();
    }

    // Lists are masked with the desk's profile too (it travels with the rows of the desk's own list).
    const own = await foreignersHead.call('intakeRecords.create', { personId, outcome: { type: 'take_charge_proposal', socialCategory: 'anziani' } });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const listOwn = async () => (await foreignersHead.call('intakeRecords.find', { number: own.body.number })).body.items[0];
    expect(await listOwn()).toMatchObject({ socialCategory: 'anziani', person: { surname: expect.any(String) } });
    await db().updateTable('desk_config').set({ readable_classes: ['public'] }).where('office_id', '=', foreignersDesk).execute();
    try {
      expect(await listOwn()).toMatchObject({ socialCategory: { masked: true }, person: { surname: { masked: true }, fiscalCode: { masked: true } } });
    } finally {
      await db().updateTable('desk_config').set({ readable_classes: ['public', 'personal', 'judicial', 'reserved', 'foreigner'] }).where('office_id', '=', foreignersDesk).execute();
    }
  });
});

describe('who reaches a scheda', () => {
  it('is invisible (404) to another ente and another ambito, and absent from their lists', async () => {
    const s = await sportello.call('intakeRecords.create', { personId });
    for (const c of [sportelloB, sportello2]) {
      expect((await c.call('intakeRecords.get', { id: s.body.id })).status).toBe(404);
      expect((await c.call('intakeRecords.update', { id: s.body.id, version: 0, interlocutor: { type: 'user' } })).status).toBe(404);
      expect((await c.call('intakeRecords.find', { number: s.body.number })).body.items).toEqual([]);
    }
  });

  it('closes a desk to an excluded profile: 403 on create, its schede and notes not found', async () => {
    const s = await sportello.call('intakeRecords.create', {});
    await db().updateTable('desk_config').set({ excluded_profiles: ['operatore_sportello'] }).where('office_id', '=', generalDesk).execute();
    try {
      const refused = await sportello.call('intakeRecords.create', {});
      expect(refused.status).toBe(403);
      expect(refused.error.details).toEqual([{ path: 'officeId', message: expect.stringMatching(/sportello/) }]);
      expect((await sportello.call('intakeRecords.get', { id: s.body.id })).status).toBe(404);
      // The sector head of the ente still reads it.
      expect((await responsabile.call('intakeRecords.get', { id: s.body.id })).status).toBe(200);
    } finally {
      await db().updateTable('desk_config').set({ excluded_profiles: [] }).where('office_id', '=', generalDesk).execute();
    }
  });

  it('answers 404 before writing anything on the schede of a desk that excludes the actor’s profile, whatever the action', async () => {
    // The sector head (ente scope) reads the general desk's schede until the desk excludes the profile.
    const s = (await sportello.call('intakeRecords.create', { personId, ...complete })).body;
    const pdf = { filename: 'domanda.pdf', mediaType: 'application/pdf', contentBase64: PDF_BYTES.toString('base64') };
    const sr = await sportello.call('serviceRequests.create', { intakeId: s.id, serviceCode: 'UDC79', attachments: [pdf] });
    expect(sr.status, JSON.stringify(sr.body)).toBe(200);
    const umbertide = (await placementOf(db(), 'sportelloB')).officeId;
    const before = await writesOn(s.id);
    const calls: Array<[string, unknown]> = [
      ['intakeRecords.update', { id: s.id, version: s.version, needs: { codes: ['FIS02'] } }],
      ['intakeRecords.complete', { id: s.id, version: s.version }],
      ['intakeRecords.delete', { id: s.id, version: s.version, reason: 'Scheda doppia' }],
      ['intakeNotes.create', { intakeId: s.id, text: 'Nota', private: false }],
      ['intakeRecords.send', { id: s.id, version: s.version, destOfficeId: umbertide }],
      ['serviceRequests.create', { intakeId: s.id, serviceCode: 'UDC79', attachments: [pdf] }],
      ['serviceRequests.update', { id: sr.body.id, version: sr.body.version, status: 'done', addAttachments: [pdf] }],
      ['attachments.get', { id: sr.body.attachments[0]!.id }],
      ['grants.create', { recordKind: 'intakeRecord', recordId: s.id, subjectKind: 'office', subjectId: umbertide, purpose: 'valutazione congiunta', validFrom: '2025-01-01' }],
      ['breakGlass.open', { recordKind: 'intakeRecord', recordId: s.id, classes: ['reserved'], minutes: 5, reason: 'Verifica urgente di una nota riservata' }],
    ];
    await db().updateTable('desk_config').set({ excluded_profiles: ['responsabile_settore'] }).where('office_id', '=', generalDesk).execute();
    try {
      const answers: Record<string, number> = {};
      for (const [action, input] of calls) answers[action] = (await responsabile.callRaw(action, input)).status;
      expect(answers).toEqual(Object.fromEntries(calls.map(([action]) => [action, 404])));
      // The person stays visible to the sector head (the registry knows no desks), the scheda does not:
      // a notice given "at" it is refused like one given at a scheda that does not exist.
      const notice = await responsabile.call('consents.record', { personId, intakeId: s.id, notice: { givenOn: todayInRome(), mode: 'in_person', signerKind: 'self' } });
      expect(notice.status).toBe(422);
      expect(paths(notice.error)).toEqual(['intakeId']);
      expect(await writesOn(s.id)).toEqual(before);
    } finally {
      await db().updateTable('desk_config').set({ excluded_profiles: [] }).where('office_id', '=', generalDesk).execute();
    }
    // Not excluded any more: the same calls go through (the 404 above was the exclusion, not the input).
    for (const action of ['intakeRecords.send', 'grants.create', 'breakGlass.open']) {
      const r = await responsabile.callRaw(action, calls.find(([a]) => a === action)![1]);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    }
  });

  it('lets a third-sector office record only as an access point of a desk of its ente', async () => {
    const terzo = await t.as('terzosettore');
    const ok = await terzo.call('intakeRecords.create', { access: { mode: 'in_person' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    await db().updateTable('desk_config').set({ access_points: [] }).where('office_id', '=', generalDesk).execute();
    const refused = await terzo.call('intakeRecords.create', {});
    expect(refused.status).toBe(403);
  });
});

describe('audit and search', () => {
  it('audits reads and writes with the person as subject and the scheda as target', async () => {
    const s = await sportello.call('intakeRecords.create', { personId });
    await sportello.call('intakeRecords.get', { id: s.body.id });
    await sportello.call('intakeRecords.find', { personId });
    const rows = await db()
      .selectFrom('audit_event')
      .select(['action', 'subject_people', 'targets', 'classes_read', 'classes_changed'])
      .where(sql<boolean>`${personId}::uuid = ANY(subject_people)`)
      .where('action', 'like', 'intakeRecords.%')
      .execute();
    const get = rows.find((r) => r.action === 'intakeRecords.get' && JSON.stringify(r.targets).includes(s.body.id));
    expect(get?.classes_read).toEqual(expect.arrayContaining(['public', 'personal']));
    const create = rows.find((r) => r.action === 'intakeRecords.create' && JSON.stringify(r.targets).includes(s.body.id));
    expect(create?.classes_changed).toContain('personal');
    expect(rows.some((r) => r.action === 'intakeRecords.find')).toBe(true);
  });

  it("fills the person search's intake slot with the schede the actor may read", async () => {
    const found = await sportello.call('persons.find', { q: 'Rossi Maria' });
    const item = found.body.items.find((i: { id: string }) => i.id === personId);
    // The same schede the desk's list shows for that person (two complete above, the others incomplete).
    const count = async (status: 'complete' | 'incomplete') => (await sportello.call('intakeRecords.find', { personId, status })).body.items.length;
    expect(item!.slots.intake).toEqual({ complete: 2, incomplete: await count('incomplete'), lastAccessDate: todayInRome() });
    expect(await count('complete')).toBe(2);
    // slots is an open map in the contract (each module fills its own).
    expect((item!.slots.intake as { incomplete: number }).incomplete).toBeGreaterThan(0);
    // Another ente's desk sees none of them (at most a preview of the person, without slots).
    const fromB = await sportelloB.call('persons.find', { q: 'Rossi Maria' });
    const seenByB = fromB.body.items.find((i: { id: string }) => i.id === personId);
    expect(seenByB?.slots?.intake ?? null).toBeNull();
    expect(item!.slots).toHaveProperty('privacy');
  });
});

describe('deletion (logical, with a reason)', () => {
  const reason = 'Scheda aperta per errore';

  it('takes the scheda out of views and lists, keeps it in the database with who and why, and audits it', async () => {
    const s = await sportello.call('intakeRecords.create', { personId, access: { mode: 'in_person', reason: 'spontaneous' } });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.abilities).toContain('intakeRecords.delete');
    const short = await sportello.call('intakeRecords.delete', { id: s.body.id, version: 0, reason: 'no' });
    expect(short.status).toBe(400);
    expect(paths(short.error)).toEqual(['reason']);
    expect((await sportello.call('intakeRecords.delete', { id: s.body.id, version: 3, reason })).status).toBe(409);
    expect((await sportelloB.call('intakeRecords.delete', { id: s.body.id, version: 0, reason })).status).toBe(404);

    const gone = await sportello.call('intakeRecords.delete', { id: s.body.id, version: 0, reason });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    expect(gone.body).toMatchObject({ id: s.body.id, number: s.body.number });
    expect((await sportello.call('intakeRecords.get', { id: s.body.id })).status).toBe(404);
    expect((await sportello.call('intakeRecords.find', { number: s.body.number })).body.items).toEqual([]);
    expect((await sportello.call('intakeRecords.delete', { id: s.body.id, version: 1, reason })).status).toBe(404);
    // Gone for sharing too: the sector head of the ente cannot grant it to anyone.
    const office = (await placementOf(db(), 'assistente')).officeId;
    const share = await responsabile.call('grants.create', { recordKind: 'intakeRecord', recordId: s.body.id, subjectKind: 'office', subjectId: office, purpose: 'valutazione congiunta', validFrom: '2025-01-01' });
    expect(share.status).toBe(404);
    expect(await db().selectFrom('access_grant').select('id').where('record_id', '=', s.body.id).execute()).toEqual([]);
    const glass = await responsabile.call('breakGlass.open', { recordKind: 'intakeRecord', recordId: s.body.id, classes: ['reserved'], minutes: 5, reason: 'Verifica urgente di una nota riservata' });
    expect(glass.status).toBe(404);

    const row = await db().selectFrom('intake_record').select(['deleted_by', 'deletion_reason', 'version']).where('id', '=', s.body.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ deleted_by: (await placementOf(db(), 'sportello')).operatorId, deletion_reason: reason, version: 1 });
    const audited = await sql<{ outcome: string; subject_people: string[] }>`
      SELECT outcome, subject_people FROM audit_event
       WHERE action = 'intakeRecords.delete' AND targets @> ${JSON.stringify([{ kind: 'intakeRecord', id: s.body.id }])}::jsonb
       ORDER BY seq`.execute(db());
    expect(audited.rows).toEqual([{ outcome: 'ok', subject_people: [personId] }]);
  });

  it('is refused while a proposal to take charge is open or another desk has the scheda pending', async () => {
    const proposal = await sportello.call('intakeRecords.create', {
      personId, access: { mode: 'in_person', reason: 'spontaneous' }, ...complete, outcome: { type: 'take_charge_proposal', socialCategory: 'anziani' },
    });
    const done = await sportello.call('intakeRecords.complete', { id: proposal.body.id, version: 0 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const refused = await sportello.call('intakeRecords.delete', { id: proposal.body.id, version: 1, reason });
    expect(refused.status).toBe(409);
    expect(refused.error.details).toEqual([{ path: 'id', message: expect.stringContaining('proposta di presa in carico') }]);

    const sent = await sportello.call('intakeRecords.create', { personId, access: { mode: 'in_person', reason: 'spontaneous' }, ...complete });
    const completed = await sportello.call('intakeRecords.complete', { id: sent.body.id, version: 0 });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    const send = await sportello.call('intakeRecords.send', { id: sent.body.id, version: 1, destOfficeId: foreignersDesk, message: 'Per competenza' });
    expect(send.status, JSON.stringify(send.body)).toBe(200);
    const pending = await sportello.call('intakeRecords.delete', { id: sent.body.id, version: 1, reason });
    expect(pending.status).toBe(409);
    expect(pending.error.details).toEqual([{ path: 'id', message: expect.stringContaining('altro sportello') }]);
    // Both are still there.
    expect((await sportello.call('intakeRecords.get', { id: proposal.body.id })).status).toBe(200);
    expect((await sportello.call('intakeRecords.get', { id: sent.body.id })).status).toBe(200);
  });
});

describe('copy into a new scheda', () => {
  it('copies who the person is and their situation, not the visit, and only what the desk may write', async () => {
    const s = await sportello.call('intakeRecords.create', {
      personId, access: { mode: 'phone_referral', reason: 'spontaneous', description: 'Prima telefonata' },
      interlocutor: { type: 'user' },
      social: { household: 'Vive con il figlio', profession: 'badante' },
      foreigner: { permitStatus: 'valid', permitType },
      needs: { codes: ['FIS01'], notes: 'Affitto arretrato' },
      outcome: { type: 'information' },
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.abilities).toContain('intakeRecords.copy');
    await sportello.call('intakeNotes.create', { intakeId: s.body.id, text: 'Nota del primo accesso' });
    // Health notes written by someone who may (set in the database here): the desk operator cannot write them.
    await sql`UPDATE intake_record SET social = social || '{"healthNotes": "Diabete"}'::jsonb WHERE id = ${s.body.id}`.execute(db());

    const copy = await sportello.call('intakeRecords.copy', { id: s.body.id });
    expect(copy.status, JSON.stringify(copy.body)).toBe(200);
    expect(copy.body.id).not.toBe(s.body.id);
    expect(copy.body.number).not.toBe(s.body.number);
    expect(copy.body).toMatchObject({
      status: 'incomplete', accessDate: todayInRome(), officeId: generalDesk, version: 0, person: { id: personId },
      interlocutor: { type: 'user' }, foreigner: { permitStatus: 'valid', permitType }, needs: { codes: ['FIS01'], notes: 'Affitto arretrato' },
      outcome: null, services: null, notes: [], serviceRequests: [],
    });
    expect(copy.body.social).toMatchObject({ household: 'Vive con il figlio', profession: 'badante' });
    expect(copy.body.access!.mode ?? null).toBeNull();
    expect(copy.body.access!.description ?? null).toBeNull();
    const stored = await db().selectFrom('intake_record').select('social').where('id', '=', copy.body.id).executeTakeFirstOrThrow();
    expect(stored.social).not.toHaveProperty('healthNotes');
    // One audit row names both schede and the person.
    const audited = await sql<{ subject_people: string[] }>`
      SELECT subject_people FROM audit_event
       WHERE action = 'intakeRecords.copy' AND outcome = 'ok'
         AND targets @> ${JSON.stringify([{ kind: 'intakeRecord', id: s.body.id }, { kind: 'intakeRecord', id: copy.body.id }])}::jsonb`.execute(db());
    expect(audited.rows).toEqual([{ subject_people: [personId] }]);
  });

  it('copies only a scheda of the desk the operator works at', async () => {
    const s = await sportello.call('intakeRecords.create', { personId });
    // The sector head reaches the whole ente's schede, but this one is not of their desk.
    const elsewhere = await responsabile.call('intakeRecords.copy', { id: s.body.id });
    expect(elsewhere.status).toBe(403);
    expect(paths(elsewhere.error)).toEqual(['id']);
    expect((await sportelloB.call('intakeRecords.copy', { id: s.body.id })).status).toBe(404);
  });
});
