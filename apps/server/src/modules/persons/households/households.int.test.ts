import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldMessages, type FieldMessageKey } from '@siso/shared';
import { createPerson } from '../../../testing/persons.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.js';
import { unmasked } from '../../../testing/unmasked.js';
import { placementOf } from '../../../testing/placement.js';

/**
 * Households and networks through the real HTTP pipeline (issue 4, points 5 and 6): round trip,
 * optimistic locking, validation, scope, protected people (masked groups, hidden members, adoption
 * secrecy), previews of members outside the scope, memberOf, history and audit subjects.
 */
let t: TestApp;
let sportello: TestClient;
let assistente: TestClient;
let responsabile: TestClient;

/** The wire carries the Italian text of a message key (error-body.ts); the key itself if it has none. */
const msg = (key: FieldMessageKey) => fieldMessages[key].it;

async function person(c: TestClient, surname: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await createPerson(c, { surname, name: 'Prova', sex: 'F', birthDate: '1980-04-02', ...extra }, surname);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as string;
}

const operatorId = async (username: string) => (await placementOf(t.database.db, username)).operatorId;

async function lastAudit(action: string, username: string) {
  return t.database.db
    .selectFrom('audit_event')
    .select(['subject_people', 'classes_read', 'classes_changed', 'outcome'])
    .where('action', '=', action)
    .where('operator_id', '=', await operatorId(username))
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
  assistente = await t.as('assistente');
  responsabile = await t.as('responsabile');
});
afterAll(async () => t?.close());

describe('households.update and households.get', () => {
  let owner: string;
  let spouse: string;
  let child: string;

  it('creates a household, reads it back in order with kinship labels, and rewrites it with the version', async () => {
    owner = await person(sportello, 'Casagrande');
    spouse = await person(sportello, 'Casagrandi');
    child = await person(sportello, 'Casagrando', { birthDate: '2012-09-01' });
    const created = await sportello.call('households.update', {
      personId: owner,
      kind: 'household',
      livesAlone: false,
      members: [
        { personId: spouse, relationship: '2', cohabiting: true },
        { personId: child, relationship: '3', cohabiting: true, parentalResponsibility: true },
        { displayName: 'Pina Rossi', relationship: '7', availability: 'partial', contact: '333 1234567', note: 'Abita nello stesso stabile' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ kind: 'household', livesAlone: false, version: 0, hiddenMembers: 0, abilities: ['households.update'] });
    expect(created.body.members).toMatchObject([
      { person: { id: spouse, surname: 'Casagrandi', name: 'Prova', birthDate: '1980-04-02', deceased: false }, relationship: '2', relationshipLabel: 'Marito / Moglie', cohabiting: true, source: 'manual' },
      { person: { id: child }, relationship: '3', relationshipLabel: 'Figlio / Figlia', parentalResponsibility: true },
      { person: null, displayName: 'Pina Rossi', relationship: '7', availability: 'partial', contact: '333 1234567', note: 'Abita nello stesso stabile' },
    ]);

    const read = await sportello.call('households.get', { personId: owner });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ personId: owner, groups: [created.body], memberOf: [] });

    const rewritten = await sportello.call('households.update', {
      personId: owner, groupId: created.body.id, version: 0, kind: 'household', livesAlone: false,
      members: [{ personId: child, relationship: '3' }, { personId: spouse, relationship: '2' }],
    });
    expect(rewritten.status, JSON.stringify(rewritten.body)).toBe(200);
    expect(rewritten.body.version).toBe(1);
    expect(rewritten.body.members.map((m) => m.person?.id)).toEqual([child, spouse]);

    // The history of the owner keeps who changed the household, before → after.
    const history = await t.database.db.selectFrom('person_history').select(['changes', 'source']).where('person_id', '=', owner).orderBy('at').execute();
    const household = history.flatMap((h) => (h.changes as Array<{ field: string; before: unknown; after: unknown }>).filter((c) => c.field === 'household.household'));
    expect(household).toHaveLength(2);
    expect(household[1]).toEqual({
      field: 'household.household',
      before: [{ relationship: '2', personId: spouse }, { relationship: '3', personId: child }, { relationship: '7', displayName: 'Pina Rossi' }],
      after: [{ relationship: '3', personId: child }, { relationship: '2', personId: spouse }],
    });
    expect(history.every((h) => h.source === 'manual')).toBe(true);
    const audit = await lastAudit('households.update', 'sportello');
    expect(audit.classes_changed).toEqual(['personal']);
    expect([...audit.subject_people].sort()).toEqual([owner, spouse, child].sort());
  });

  it('answers 409 to a stale version and to a second group of the same kind', async () => {
    const g = unmasked((await sportello.call('households.get', { personId: owner })).body.groups)[0]!;
    const stale = await sportello.call('households.update', { personId: owner, groupId: g.id, version: g.version - 1, kind: 'household', members: [] });
    expect(stale.status).toBe(409);
    expect(stale.error.code).toBe('conflict');
    const twice = await sportello.call('households.update', { personId: owner, kind: 'household', members: [] });
    expect(twice.status).toBe(409);
    expect(twice.error.details).toEqual([expect.objectContaining({ path: 'kind' })]);
    // Nothing changed.
    expect((await sportello.call('households.get', { personId: owner })).body.groups).toEqual([g]);
  });

  it('lists the groups of other people a person belongs to, and audits every person shown', async () => {
    const read = await sportello.call('households.get', { personId: spouse });
    expect(read.status).toBe(200);
    expect(read.body.groups).toEqual([]);
    expect(read.body.memberOf).toEqual([
      { groupId: expect.any(String), kind: 'household', relationship: '2', owner: expect.objectContaining({ id: owner, surname: 'Casagrande' }) },
    ]);
    await sportello.call('households.get', { personId: owner });
    const audit = await lastAudit('households.get', 'sportello');
    expect([...audit.subject_people].sort()).toEqual([owner, spouse, child].sort());
    expect(audit.classes_read).toContain('personal');
  });

  it('names each wrong member field: unknown kinship, the owner, duplicates, people the actor cannot see', async () => {
    const other = await person(assistente, 'Nonvisibile');
    const bad = await sportello.call('households.update', {
      personId: owner, kind: 'relatives',
      members: [
        { personId: spouse, relationship: '77' },
        { personId: owner, relationship: '1' },
        { personId: child, relationship: '3' },
        { personId: child, relationship: '3' },
        { personId: other, relationship: '13' },
        { personId: crypto.randomUUID(), relationship: '13' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.error.code).toBe('invalid_input');
    expect(bad.error.details).toEqual([
      { path: 'members.0.relationship', message: msg('codice_sconosciuto') },
      { path: 'members.1.personId', message: msg('componente_titolare') },
      { path: 'members.3.personId', message: msg('componente_duplicato') },
      // Someone outside the scope and an id that does not exist answer alike: existence is not revealed.
      { path: 'members.4.personId', message: msg('codice_sconosciuto') },
      { path: 'members.5.personId', message: msg('codice_sconosciuto') },
    ]);
    expect((await sportello.call('households.get', { personId: owner })).body.groups).toHaveLength(1);
  });

  it('answers 404 for a person of another ambito, on read and write', async () => {
    const sportello2 = await t.as('sportello2');
    expect((await sportello2.call('households.get', { personId: owner })).status).toBe(404);
    expect((await sportello2.call('households.update', { personId: owner, kind: 'network', members: [] })).status).toBe(404);
  });

  it('shows a member outside the scope as the identification preview, and keeps them on a rewrite', async () => {
    // The sector head (ente scope) links someone the social worker registered into the desk's person.
    const outside = await person(assistente, 'Fuoriufficio', { birthDate: '1961-11-30' });
    const linked = await responsabile.call('households.update', { personId: owner, kind: 'relatives', members: [{ personId: outside, relationship: '9' }] });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const read = await sportello.call('households.get', { personId: owner });
    const relatives = unmasked(read.body.groups).find((g) => g.kind === 'relatives')!;
    expect(relatives.members).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: outside, surname: 'Fuoriufficio', name: 'Prova', birthDate: '1961-11-30' }), relationship: '9', relationshipLabel: 'Fratello / Sorella' }),
    ]);
    // Already linked: the desk may keep them; a new link needs someone the desk may read.
    const kept = await sportello.call('households.update', {
      personId: owner, groupId: relatives.id, version: relatives.version, kind: 'relatives',
      members: [{ personId: outside, relationship: '9', note: 'Vive a Perugia' }, { displayName: 'Zio Gino', relationship: '11' }],
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.members).toHaveLength(2);
    const another = await person(assistente, 'Fuoriufficio', { name: 'Altra' });
    const refused = await sportello.call('households.update', {
      personId: owner, groupId: relatives.id, version: kept.body.version, kind: 'relatives', members: [{ personId: another, relationship: '9' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.error.details).toEqual([{ path: 'members.0.personId', message: msg('codice_sconosciuto') }]);
  });
});

describe('protected people (issue 4, point 5)', () => {
  it("masks a protected person's groups for an operator without the grant, and shows them once granted", async () => {
    const sheltered = await person(assistente, 'Rifugiata', { protectionReason: 'violence' });
    const written = await assistente.call('households.update', { personId: sheltered, kind: 'network', members: [{ displayName: 'Operatrice della casa rifugio', relationship: '99' }] });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect((await assistente.call('households.get', { personId: sheltered })).body.groups).toHaveLength(1);

    const hidden = await responsabile.call('households.get', { personId: sheltered });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual({ personId: sheltered, groups: { masked: true }, memberOf: { masked: true } });
    const write = await responsabile.call('households.update', { personId: sheltered, groupId: written.body.id, version: 0, kind: 'network', members: [] });
    expect(write.status).toBe(403);
    expect(write.error.details).toEqual([expect.objectContaining({ path: 'members' })]);

    const grant = await assistente.call('grants.create', {
      recordKind: 'protectedPerson', recordId: sheltered, subjectKind: 'operator', subjectId: await operatorId('responsabile'),
      purpose: 'coordinamento del progetto di protezione', validFrom: '2025-01-01',
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    const shown = await responsabile.call('households.get', { personId: sheltered });
    expect(shown.body.groups).toEqual([expect.objectContaining({ id: written.body.id, kind: 'network', abilities: ['households.update'] })]);
  });

  it("hides a protected member from another person's household, counts them, and keeps them on a rewrite", async () => {
    const head = await person(assistente, 'Capofamiglia');
    const victim = await person(assistente, 'Protetta', { protectionReason: 'violence' });
    const written = await assistente.call('households.update', {
      personId: head, kind: 'household', members: [{ personId: victim, relationship: '2' }, { displayName: 'Ospite', relationship: '25' }],
    });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect(written.body.hiddenMembers).toBe(0);

    const seen = await responsabile.call('households.get', { personId: head });
    expect(seen.status).toBe(200);
    const group = unmasked(seen.body.groups)[0]!;
    expect(group.hiddenMembers).toBe(1);
    expect(group.members).toEqual([expect.objectContaining({ person: null, displayName: 'Ospite' })]);
    expect(JSON.stringify(seen.body)).not.toContain(victim);
    expect((await lastAudit('households.get', 'responsabile')).subject_people).toEqual([head]);
    // The victim's own memberOf is masked for them too (their household links are hidden).
    expect((await responsabile.call('households.get', { personId: victim })).body.memberOf).toEqual({ masked: true });

    // The sector head rewrites what they see; the hidden member stays.
    const rewrite = await responsabile.call('households.update', {
      personId: head, groupId: group.id, version: group.version, kind: 'household', members: [{ displayName: 'Ospite', relationship: '25', cohabiting: true }],
    });
    expect(rewrite.status, JSON.stringify(rewrite.body)).toBe(200);
    expect(rewrite.body.hiddenMembers).toBe(1);
    const full = await assistente.call('households.get', { personId: head });
    expect(unmasked(full.body.groups)[0]!.members.map((m) => m.person?.id ?? m.displayName)).toEqual(['Ospite', victim]);
    expect((await assistente.call('households.get', { personId: victim })).body.memberOf).toEqual([
      expect.objectContaining({ kind: 'household', relationship: '2', owner: expect.objectContaining({ id: head }) }),
    ]);
  });

  it('refuses to link an adopted child into a group without a grant on the child (adoption secrecy)', async () => {
    const family = await person(assistente, 'Famigliadorigine');
    const adopted = await person(assistente, 'Adottato', { birthDate: '2018-02-02', protectionReason: 'adoption' });
    const refused = await responsabile.call('households.update', { personId: family, kind: 'relatives', members: [{ personId: adopted, relationship: '4' }] });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'precondition_failed', details: [{ path: 'members.0.personId', message: msg('segreto_adozione') }] });
    expect((await responsabile.call('households.get', { personId: family })).body.groups).toEqual([]);
    // The operator who holds the adoption's grant may.
    const allowed = await assistente.call('households.update', { personId: family, kind: 'relatives', members: [{ personId: adopted, relationship: '4' }] });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
  });
});

describe('audit', () => {
  it('names the person and the members returned as subjects of the read', async () => {
    const a = await person(responsabile, 'Auditata');
    const b = await person(responsabile, 'Auditato');
    expect((await responsabile.call('households.update', { personId: a, kind: 'network', members: [{ personId: b, relationship: '13', availability: 'available' }] })).status).toBe(200);
    expect((await responsabile.call('households.get', { personId: a })).status).toBe(200);
    const rows = await t.database.db.selectFrom('audit_event').select(['action', 'subject_people'])
      .where(sql<boolean>`${b}::uuid = ANY(subject_people)`).where('action', 'like', 'households.%').execute();
    expect(rows.map((r) => r.action).sort()).toEqual(['households.get', 'households.update']);
    expect(rows.find((r) => r.action === 'households.get')!.subject_people.sort()).toEqual([a, b].sort());
  });
});
