import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFiscalCode, omocodiaVariant } from '@siso/shared';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { unmasked } from '../../testing/unmasked.js';
import { createPerson } from '../../testing/persons.js';
import { placementOf } from '../../testing/placement.js';

/**
 * People registry through the real HTTP pipeline (issue 4): search first, create with fiscal-code
 * prefill, bad input, optimistic locking, temporary and anonymous identities, aliases, previews and
 * scope, protected people, masking, history, duplicates and merge, audit subjects.
 */
let t: TestApp;
let sportello: TestClient;
let assistente: TestClient;
let responsabile: TestClient;

const PERUGIA = { istat: '054039', belfiore: 'G478' };
const cf = (surname: string, name: string, sex: 'M' | 'F', birthDate: string, place = PERUGIA.belfiore) =>
  computeFiscalCode({ surname, name, sex, birthDate, birthPlaceCode: place });

const create = (c: TestClient, input: Record<string, unknown>) => createPerson(c, input);

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
  assistente = await t.as('assistente');
  responsabile = await t.as('responsabile');
});
afterAll(async () => t?.close());

describe('search first, then create', () => {
  it('finds nobody, creates with the fiscal code filling sex, birth date and birthplace, and finds them next time', async () => {
    const code = cf('Bianchi', 'Lucia', 'F', '1957-03-12');
    const none = await sportello.call('persons.find', { q: code });
    expect(none.body.items).toEqual([]);
    expect(none.body.searchToken).toEqual(expect.any(String));
    const created = await sportello.call('persons.create', { searchToken: none.body.searchToken!, fiscalCode: code.toLowerCase(), surname: 'Bianchi', name: 'Lucia' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({
      fiscalCode: code, fiscalCodeKind: 'definitive', sex: 'F', birthDate: '1957-03-12', birthComuneIstat: PERUGIA.istat,
      birthPlaceName: 'PERUGIA', deceased: false, protected: false, version: 0,
    });
    expect(created.body.abilities).toEqual(expect.arrayContaining(['persons.update', 'persons.loadFromRegistry']));
    const byCode = await sportello.call('persons.find', { q: code });
    expect(byCode.body.items).toHaveLength(1);
    expect(byCode.body.items[0]).toMatchObject({ id: created.body.id, inScope: true, matchedOn: ['fiscalCode'], surname: 'Bianchi' });
    // An omocodic variant of the same code finds the same person.
    const variant = await sportello.call('persons.find', { q: omocodiaVariant(code, 1) });
    expect(variant.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    // Typos, missing accents and swapped order.
    for (const q of ['bianchi lucia', 'Lucia Bianchi', 'Bianki Lucia', 'bian']) {
      const r = await sportello.call('persons.find', { q });
      expect(r.body.items.map((i: { id: string }) => i.id), q).toContain(created.body.id);
    }
    const byDate = await sportello.call('persons.find', { q: 'bianchi', birthDate: '1957-03-12' });
    expect(byDate.body.items[0]).toMatchObject({ id: created.body.id, matchedOn: ['name', 'birthDate'] });
  });

  it('refuses a create without a search, and a second person with the same code in the ambito', async () => {
    const code = cf('Verdi', 'Carlo', 'M', '1970-05-05');
    const noToken = await sportello.call('persons.create', { searchToken: 'x'.repeat(20), fiscalCode: code, surname: 'Verdi', name: 'Carlo' });
    expect(noToken.status).toBe(422);
    expect(noToken.error.details).toEqual([{ path: 'searchToken', message: expect.any(String) }]);
    expect((await create(sportello, { fiscalCode: code, surname: 'Verdi', name: 'Carlo' })).status).toBe(200);
    const again = await create(sportello, { fiscalCode: code, surname: 'Verdi', name: 'Carlo' });
    expect(again.status).toBe(409);
    expect(again.error.details[0]!.path).toBe('fiscalCode');
  });
});

describe('bad input', () => {
  it('names each wrong field with an Italian reason', async () => {
    const wrongCheck = `${cf('Neri', 'Anna', 'F', '1990-01-01').slice(0, 15)}${cf('Neri', 'Anna', 'F', '1990-01-01').endsWith('A') ? 'B' : 'A'}`;
    const r1 = await create(sportello, { fiscalCode: wrongCheck, surname: 'Neri', name: 'Anna' });
    expect(r1.status).toBe(400);
    expect(r1.error.details).toContainEqual({ path: 'fiscalCode', message: expect.stringMatching(/codice fiscale/i) });
    const r2 = await create(sportello, { surname: 'Neri', birthDate: '1990-01-01', dateOfDeath: '1980-01-01' });
    expect(r2.status).toBe(400);
    expect(r2.error.details.map((d: { path: string }) => d.path)).toContain('dateOfDeath');
    const r3 = await create(sportello, { surname: 'Neri', birthDate: '2999-01-01' });
    expect(r3.status).toBe(400);
    expect(r3.error.details.map((d: { path: string }) => d.path)).toContain('birthDate');
    // A comune that did not exist yet on the birth date (Perugia's code on 1800-01-01 predates the registry).
    const r4 = await create(sportello, { surname: 'Neri', birthDate: '1850-01-01', birthComuneIstat: '054039' });
    expect(r4.status).toBe(400);
    expect(r4.error.details.map((d: { path: string }) => d.path)).toContain('birthComuneIstat');
    const r5 = await create(sportello, { surname: 'Neri', civilStatus: '99', citizenships: ['000'] });
    expect(r5.status).toBe(400);
    expect(r5.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['citizenships.0', 'civilStatus']);
    const r6 = await create(sportello, { surname: 'N'.repeat(101) });
    expect(r6.status).toBe(400);
    expect(r6.error.details[0]!.path).toBe('surname');
    const count = await t.database.db.selectFrom('person').select(sql<number>`count(*)::int`.as('n')).where('surname', '=', 'Neri').executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('asks for the century when the code cannot tell it', async () => {
    // Born in 2015 or 1915: a code with year 15 and no birth date is ambiguous.
    const code = cf('Gialli', 'Ugo', 'M', '2015-06-01');
    const r = await create(sportello, { fiscalCode: code, surname: 'Gialli', name: 'Ugo' });
    expect(r.status).toBe(400);
    expect(r.error.details).toContainEqual({ path: 'birthDate', message: expect.stringMatching(/secolo/) });
    const ok = await create(sportello, { fiscalCode: code, surname: 'Gialli', name: 'Ugo', birthDate: '2015-06-01' });
    expect(ok.status).toBe(200);
  });
});

describe('edits', () => {
  it('keeps history, historises addresses and answers 409 to a stale version without losing the first edit', async () => {
    const p = (await create(sportello, { surname: 'Russo', name: 'Gino', birthDate: '1960-02-02',
      addresses: [{ kind: 'residence', street: 'Via Roma', civic: '1', comuneIstat: PERUGIA.istat, validFrom: '2000-01-01' }] })).body;
    const first = await sportello.call('persons.update', { id: p.id, version: p.version, notes: 'prima modifica',
      newAddress: { kind: 'residence', street: 'Via Milano', civic: '2', comuneIstat: PERUGIA.istat, validFrom: '2024-03-01' } });
    expect(first.status).toBe(200);
    const stale = await sportello.call('persons.update', { id: p.id, version: p.version, notes: 'seconda modifica' });
    expect(stale.status).toBe(409);
    const now = await sportello.call('persons.get', { id: p.id });
    expect(now.body.notes).toBe('prima modifica');
    const residences = unmasked(now.body.addresses).filter((a: { kind: string }) => a.kind === 'residence');
    expect(residences).toEqual([
      expect.objectContaining({ street: 'Via Milano', validFrom: '2024-03-01', validTo: null, comuneName: 'PERUGIA' }),
      expect.objectContaining({ street: 'Via Roma', validFrom: '2000-01-01', validTo: '2024-02-29' }),
    ]);
    const history = await sportello.call('persons.history', { id: p.id });
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({ source: 'manual', operatorName: expect.any(String) });
    expect(history.body.items[0]!.changes).toContainEqual({ field: 'notes', before: null, after: 'prima modifica' });
  });

  it('gives a temporary code, then replaces it with the definitive one in one audited operation', async () => {
    const p = (await create(sportello, { temporaryFiscalCode: true, surname: 'Esposito', name: 'Sara', sex: 'F', birthDate: '1985-07-07' })).body;
    expect(p.fiscalCodeKind).toBe('temporary');
    expect(p.fiscalCode).toMatch(/^TMP/);
    expect(p.abilities).not.toContain('persons.loadFromRegistry');
    const definitive = cf('Esposito', 'Sara', 'F', '1985-07-07');
    const wrong = await sportello.call('persons.replaceFiscalCode', { id: p.id, version: p.version, fiscalCode: cf('Esposito', 'Sara', 'F', '1986-07-07'), reason: 'codice fornito dalla persona' });
    expect(wrong.status).toBe(400);
    const r = await sportello.call('persons.replaceFiscalCode', { id: p.id, version: p.version, fiscalCode: definitive, reason: 'codice fornito dalla persona' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ fiscalCode: definitive, fiscalCodeKind: 'definitive', version: p.version + 1 });
    const audit = await t.database.db.selectFrom('audit_event').select(['subject_people', 'purpose']).where('action', '=', 'persons.replaceFiscalCode').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ subject_people: [p.id], purpose: 'codice fornito dalla persona' });
  });

  it('registers an anonymous person and identifies them later', async () => {
    const p = (await create(sportello, { identity: 'anonymous', notes: 'senza documenti' })).body;
    expect(p).toMatchObject({ anonymous: true, anonymousCode: expect.stringMatching(/^ANON-/), surname: null });
    const found = await sportello.call('persons.find', { q: p.anonymousCode! });
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    const who = await sportello.call('persons.update', { id: p.id, version: p.version, identify: true, surname: 'Kone', name: 'Awa', aliases: [{ surname: 'Conè' }] });
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ anonymous: false, surname: 'Kone' });
    const byAlias = await sportello.call('persons.find', { q: 'cone' });
    expect(byAlias.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
  });
});

describe('scope, previews, protection and masking', () => {
  it('shows people outside the scope as a preview, never across ambiti, never protected ones', async () => {
    const code = cf('Ferrari', 'Elena', 'F', '1975-09-09');
    const p = (await create(sportello, { fiscalCode: code, surname: 'Ferrari', name: 'Elena' })).body;
    // The desk cannot write health data; the sector head (ente scope) adds the GP.
    expect((await sportello.call('persons.update', { id: p.id, version: p.version, gp: { name: 'Dott. Bruno' } })).status).toBe(403);
    expect((await responsabile.call('persons.update', { id: p.id, version: p.version, gp: { name: 'Dott. Bruno' } })).status).toBe(200);
    // A social worker (scope: own records) sees the desk's person only as a preview.
    expect((await assistente.call('persons.find', { q: code })).body.items[0]).toMatchObject({ id: p.id, inScope: false });
    const other = await t.as('sportelloB');
    const preview = await other.call('persons.find', { q: code });
    expect(preview.body.items).toEqual([expect.objectContaining({ id: p.id, inScope: false, surname: 'Ferrari', fiscalCode: code, sex: { masked: true }, abilities: [] })]);
    expect((await other.call('persons.get', { id: p.id })).status).toBe(404);
    const far = await t.as('sportello2');
    expect((await far.call('persons.find', { q: code })).body.items).toEqual([]);
    expect((await far.call('persons.get', { id: p.id })).status).toBe(404);
    // The desk reads no health data: the GP is masked for the desk, readable by the sector head.
    const mine = await sportello.call('persons.get', { id: p.id });
    expect(mine.body.gp).toEqual({ masked: true });
    const head = await responsabile.call('persons.get', { id: p.id });
    expect(head.body.gp).toEqual({ name: 'Dott. Bruno', regionalCode: null, phone: null });
    // Writing a class one cannot write is refused whole.
    expect((await sportello.call('persons.update', { id: p.id, version: mine.body.version, healthCardNumber: '80380001200012345678' })).status).toBe(403);

    await responsabile.call('persons.update', { id: p.id, version: head.body.version, protectionReason: 'violence', newAddress: { kind: 'domicile', street: 'Casa rifugio', comuneIstat: PERUGIA.istat, validFrom: '2025-01-01' } });
    expect((await other.call('persons.find', { q: code })).body.items).toEqual([]);
    const desk = await sportello.call('persons.get', { id: p.id });
    expect(desk.body).toMatchObject({ protected: true, addresses: { masked: true }, protectionReason: { masked: true } });
    const granter = await responsabile.call('persons.get', { id: p.id });
    expect(granter.body.addresses).toHaveLength(1);
    // The history does not leak the whereabouts either.
    const hist = await sportello.call('persons.history', { id: p.id });
    const moved = hist.body.items.flatMap((i) => i.changes).find((c) => c.field === 'address.domicile');
    expect(moved).toEqual({ field: 'address.domicile', before: { masked: true }, after: { masked: true } });
    const deskOp = await t.database.db.selectFrom('operator').select('id').where('username', '=', 'sportello').executeTakeFirstOrThrow();
    const g = await responsabile.call('grants.create', { recordKind: 'protectedPerson', recordId: p.id, subjectKind: 'operator', subjectId: deskOp.id, purpose: 'accompagnamento in struttura', validFrom: '2025-01-01' });
    expect(g.status).toBe(200);
    expect((await sportello.call('persons.get', { id: p.id })).body.addresses).toHaveLength(1);
  });

  it('shows the third sector only the people granted to it, and no previews', async () => {
    const code = cf('Costa', 'Rita', 'F', '1949-11-30');
    const p = (await create(responsabile, { fiscalCode: code, surname: 'Costa', name: 'Rita' })).body;
    const coop = await t.as('terzosettore');
    expect((await coop.call('persons.find', { q: code })).body).toMatchObject({ items: [], searchToken: null });
    expect((await coop.call('persons.get', { id: p.id })).status).toBe(404);
    const coopOp = await t.database.db.selectFrom('operator').select('id').where('username', '=', 'terzosettore').executeTakeFirstOrThrow();
    const g = await responsabile.call('grants.create', { recordKind: 'person', recordId: p.id, subjectKind: 'operator', subjectId: coopOp.id, purpose: 'assistenza domiciliare affidata', validFrom: '2025-01-01' });
    expect(g.status).toBe(200);
    const seen = await coop.call('persons.get', { id: p.id });
    expect(seen.status).toBe(200);
    expect(seen.body.abilities).not.toContain('persons.update');
    expect((await coop.call('persons.find', { q: 'costa rita' })).body.items).toEqual([expect.objectContaining({ id: p.id, inScope: true })]);
  });

  it('audits every read with the person as subject', async () => {
    const p = (await create(sportello, { surname: 'Lombardi', name: 'Pia' })).body;
    await sportello.call('persons.get', { id: p.id });
    const rows = await t.database.db.selectFrom('audit_event').select(['action', 'subject_people']).where(sql<boolean>`${p.id}::uuid = ANY(subject_people)`).execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['persons.create', 'persons.get']));
  });
});

describe('duplicates and merge', () => {
  it('proposes the pair, merges field by field, moves references and keeps the trace', async () => {
    const a = (await create(responsabile, { surname: 'Marino', name: 'Luca', birthDate: '1988-04-04', sex: 'M', contacts: [{ kind: 'mobile', value: '3330000001' }] })).body;
    const b = (await create(responsabile, { surname: 'Marino', name: 'Luca', birthDate: '1988-04-04', sex: 'M', notes: 'da altro sportello', contacts: [{ kind: 'email', value: 'luca@example.org' }] })).body;
    const dups = await responsabile.call('persons.findDuplicates', { personId: a.id });
    expect(dups.status).toBe(200);
    expect(dups.body.items[0]).toMatchObject({ score: expect.any(Number), reasons: expect.arrayContaining(['same_name_birth_date']) });
    expect([dups.body.items[0]!.a.id, dups.body.items[0]!.b.id].sort()).toEqual([a.id, b.id].sort());
    expect((await sportello.call('persons.merge', { survivorId: a.id, survivorVersion: a.version, mergedId: b.id, mergedVersion: b.version, reason: 'stessa persona' })).status).toBe(403);
    const m = await responsabile.call('persons.merge', { survivorId: a.id, survivorVersion: a.version, mergedId: b.id, mergedVersion: b.version, takeFromMerged: ['notes'], reason: 'stessa persona registrata due volte' });
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ id: a.id, notes: 'da altro sportello' });
    expect(unmasked(m.body.contacts).map((c: { value: string }) => c.value).sort()).toEqual(['3330000001', 'luca@example.org']);
    const old = await responsabile.call('persons.get', { id: b.id });
    expect(old.body).toMatchObject({ mergedInto: a.id, abilities: expect.not.arrayContaining(['persons.update']) });
    expect((await responsabile.call('persons.find', { q: 'marino luca' })).body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const trace = await t.database.db.selectFrom('person_merge').selectAll().where('merged_id', '=', b.id).executeTakeFirstOrThrow();
    expect(trace).toMatchObject({ survivor_id: a.id, take_from_merged: ['notes'] });
    const again = await responsabile.call('persons.merge', { survivorId: a.id, survivorVersion: m.body.version, mergedId: b.id, mergedVersion: old.body.version, reason: 'di nuovo' });
    expect(again.status).toBe(422);
  });

  it('is 404 with nothing written when either person is outside the actor’s sight, whichever id sorts first; never merges a person into itself', async () => {
    const db = t.database.db;
    const mine = (await create(responsabile, { surname: 'Fabbri', name: 'Ugo', birthDate: '1961-06-06', sex: 'M' })).body;
    // People of Umbertide (another ente of the ambito), outside the sector head's ente scope. Their ids
    // sort before and after any other: the lock order (sorted ids) must not decide who is merged.
    const there = await placementOf(db, 'responsabileB');
    const hidden = async (prefix: string) => {
      const id = `${prefix}${crypto.randomUUID().slice(-12)}`;
      await db.insertInto('person').values({
        id, ambito_id: there.ambitoId!, ente_id: there.enteId, office_id: there.officeId, created_by: there.operatorId,
        surname: 'Fabbri', name: 'Ugo', surname_norm: 'fabbri', name_norm: 'ugo', birth_date: '1961-06-06', sex: 'M',
      }).execute();
      return id;
    };
    const first = await hidden('00000000-0000-4000-8000-');
    const last = await hidden('ffffffff-ffff-4fff-bfff-');
    expect((await responsabile.call('persons.get', { id: first })).status).toBe(404);
    const untouched = async () => {
      const rows = await db.selectFrom('person').select(['id', 'version', 'merged_into', 'archived_at']).where('id', 'in', [mine.id, first, last]).execute();
      expect(rows).toHaveLength(3);
      for (const r of rows) expect(r, r.id).toMatchObject({ version: 0, merged_into: null, archived_at: null });
      const traces = await db.selectFrom('person_merge').select('id').where((w) => w.or([w('survivor_id', '=', mine.id), w('merged_id', '=', mine.id)])).execute();
      expect(traces).toEqual([]);
      const history = await db.selectFrom('person_history').select('id').where('person_id', 'in', [mine.id, first, last]).where('source', '=', 'merge').execute();
      expect(history).toEqual([]);
    };
    for (const other of [first, last]) {
      for (const [survivorId, mergedId] of [[mine.id, other], [other, mine.id]] as const) {
        const r = await responsabile.call('persons.merge', { survivorId, survivorVersion: 0, mergedId, mergedVersion: 0, reason: 'stessa persona registrata due volte' });
        expect(r.status, `${mergedId} → ${survivorId}: ${JSON.stringify(r.body)}`).toBe(404);
        expect(r.error.code).toBe('not_found');
      }
    }
    await untouched();
    const self = await responsabile.call('persons.merge', { survivorId: mine.id, survivorVersion: 0, mergedId: mine.id, mergedVersion: 0, reason: 'stessa persona registrata due volte' });
    expect(self.status).toBe(400);
    expect(self.error.details.map((d: { path: string }) => d.path)).toEqual(['mergedId']);
    await untouched();
  });

  it('never merges a person protected for adoption', async () => {
    const a = (await create(responsabile, { surname: 'Greco', name: 'Ida', birthDate: '2019-01-01', protectionReason: 'adoption' })).body;
    const b = (await create(responsabile, { surname: 'Greco', name: 'Ida', birthDate: '2019-01-01' })).body;
    const dups = await responsabile.call('persons.findDuplicates', { personId: b.id });
    expect(dups.body.items).toEqual([]);
    const m = await responsabile.call('persons.merge', { survivorId: b.id, survivorVersion: b.version, mergedId: a.id, mergedVersion: a.version, reason: 'prova di unione' });
    expect(m.status).toBe(422);
    expect(m.error.details[0]!.message).toMatch(/adozion/i);
  });
});
