import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFiscalCode } from '@siso/shared';
import { createTestApp, type InputOf, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { addOperator } from '../../testing/add-operator.js';

/**
 * One masking path for the person (issue 10, point 4): persons.get, persons.find, persons.history and
 * households.get show a person through the same presenter, with the actor's classes — profile ∩
 * office type ∩ the desk's masking profile — and a break-the-glass opens one person on the reads of
 * that person, not in search results (docs/access-control.md, "Break-the-glass").
 */
let t: TestApp;
let responsabile: TestClient;
let foreignersHead: TestClient;
let foreignersDesk: string;
let generalHead: TestClient;
let generalDesk: string;

const db = () => t.database.db;
const SEEDED_FOREIGNERS_PROFILE = ['public', 'personal', 'judicial', 'reserved', 'foreigner'] satisfies InputOf<'desks.configure'>['readableClasses'];

/** A sector head (break-the-glass holder, ente scope) working at a desk of the sportello's comune. */
async function deskHead(username: string, officeType: 'sportello_stranieri' | 'sportello_accoglienza'): Promise<{ client: TestClient; officeId: string }> {
  return addOperator(t, { username, like: 'sportello', officeType, profile: 'responsabile_settore', professionalType: 'responsabile' });
}

/** A desk's masking profile, set through desks.configure as an administrator would (null: none). */
async function configureDesk(deskId: string, readableClasses: InputOf<'desks.configure'>['readableClasses']): Promise<void> {
  const admin = await t.as('admin');
  const desk = (await admin.call('desks.find', { limit: 200 })).body.items.find((d: { officeId: string }) => d.officeId === deskId)!;
  const { officeId, kind, thematicCode, mandatorySections, excludedProfiles, proposalTarget, privacyPerDesk, accessPoints, version } = desk;
  const r = await admin.call('desks.configure', { officeId, kind, thematicCode, mandatorySections, excludedProfiles, readableClasses, proposalTarget, privacyPerDesk, accessPoints, version });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

const auditOf = async (action: string, personId: string) =>
  (await sql<{ targets: Array<{ kind: string; id: string }>; classes_read: string[] }>`
    SELECT targets, classes_read FROM audit_event
     WHERE action = ${action} AND outcome = 'ok' AND ${personId}::uuid = ANY(subject_people) ORDER BY seq DESC LIMIT 1`.execute(db())).rows[0];

beforeAll(async () => {
  t = await createTestApp();
  responsabile = await t.as('responsabile');
  ({ client: foreignersHead, officeId: foreignersDesk } = await deskHead('stranieri_masking', 'sportello_stranieri'));
  ({ client: generalHead, officeId: generalDesk } = await deskHead('generale_masking', 'sportello_accoglienza'));
});
afterAll(async () => t?.close());

describe('one presenter for the person', () => {
  it('masks one person the same way in persons.get and persons.find; break-the-glass opens persons.get, not the search', async () => {
    const code = computeFiscalCode({ surname: 'Okafor', name: 'Grace', sex: 'F', birthDate: '1991-02-14', birthPlaceCode: 'G478' });
    const p = (await createPerson(responsabile, { fiscalCode: code, surname: 'Okafor', name: 'Grace' })).body;
    expect(p.id).toEqual(expect.any(String));
    const shared = (found: Record<string, unknown>, got: Record<string, unknown>) =>
      Object.fromEntries(Object.keys(found).filter((k) => k in got && k !== 'abilities').map((k) => [k, [found[k], got[k]]]));
    const both = async () => {
      const got = await foreignersHead.call('persons.get', { id: p.id });
      expect(got.status).toBe(200);
      const found = (await foreignersHead.call('persons.find', { q: code })).body.items;
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ id: p.id, inScope: true });
      return { got: got.body, found: found[0]! };
    };

    // The seeded foreigners' desk reads personal data: both show the name.
    const seeded = await both();
    expect(seeded.got).toMatchObject({ surname: 'Okafor', fiscalCode: code });
    for (const [k, [a, b]] of Object.entries(shared(seeded.found, seeded.got))) expect(a, k).toEqual(b);

    // A desk whose masking profile leaves out identifying data masks them on both paths alike.
    await configureDesk(foreignersDesk, ['public', 'foreigner']);
    try {
      const narrowed = await both();
      expect(narrowed.got).toMatchObject({ surname: { masked: true }, fiscalCode: { masked: true }, enteName: expect.any(String) });
      const pairs = shared(narrowed.found, narrowed.got);
      expect(Object.keys(pairs)).toEqual(expect.arrayContaining(['fiscalCode', 'surname', 'name', 'sex', 'birthDate', 'birthPlaceName', 'enteName', 'anonymousCode']));
      for (const [k, [a, b]] of Object.entries(pairs)) expect(a, k).toEqual(b);

      // Break-the-glass opens this one person on persons.get (a read that names them as target) ...
      const opened = await foreignersHead.call('breakGlass.open', { recordKind: 'person', recordId: p.id, classes: ['personal'], reason: 'Identificazione urgente della persona allo sportello', minutes: 5 });
      expect(opened.status, JSON.stringify(opened.body)).toBe(200);
      const after = await both();
      expect(after.got).toMatchObject({ surname: 'Okafor', fiscalCode: code });
      expect((await auditOf('persons.get', p.id))).toMatchObject({ targets: [{ kind: 'person', id: p.id }], classes_read: expect.arrayContaining(['personal']) });
      // ... and on its history, which masks each change by the class of the field it changed ...
      const history = (await foreignersHead.call('persons.history', { id: p.id })).body.items;
      expect(history.at(-1)!.changes).toContainEqual({ field: 'surname', before: null, after: 'Okafor' });
      // ... not in search results: a list over many people is masked with the actor's own classes.
      expect(after.found).toMatchObject({ surname: { masked: true }, fiscalCode: { masked: true } });
      expect((await auditOf('persons.find', p.id))).toMatchObject({ targets: [] });
      expect((await auditOf('persons.find', p.id))?.classes_read).not.toContain('personal');
    } finally {
      await configureDesk(foreignersDesk, SEEDED_FOREIGNERS_PROFILE);
    }
  });

  it("applies the desk's masking profile to the registry: a general desk configured like a foreigners' desk (public, personal, foreigner)", async () => {
    const p = (await createPerson(responsabile, { surname: 'Diallo', name: 'Amadou', stpEniCode: 'STP0540010000001', gp: { name: 'Dott.ssa Neri' } })).body;
    expect(p).toMatchObject({ stpEniCode: 'STP0540010000001', gp: { name: 'Dott.ssa Neri' } });
    // A sector head reads health data at the general desk (profile ∩ office type) while it has no masking profile.
    expect((await generalHead.call('persons.get', { id: p.id })).body).toMatchObject({ gp: { name: 'Dott.ssa Neri' }, stpEniCode: 'STP0540010000001' });

    await configureDesk(generalDesk, ['public', 'personal', 'foreigner']);
    try {
      const at = await generalHead.call('persons.get', { id: p.id });
      expect(at.status).toBe(200);
      // Health data is masked at this desk, on every path of the person; the rest is read as before.
      expect(at.body).toMatchObject({ gp: { masked: true }, healthCardNumber: { masked: true }, stpEniCode: 'STP0540010000001', surname: 'Diallo' });
      expect((await auditOf('persons.get', p.id))?.classes_read).not.toContain('special');
      const changes = (await generalHead.call('persons.history', { id: p.id })).body.items.flatMap((h: { changes: unknown[] }) => h.changes);
      expect(changes).toContainEqual({ field: 'gp', before: { masked: true }, after: { masked: true } });
      expect(changes).toContainEqual({ field: 'stpEniCode', before: null, after: 'STP0540010000001' });
      // The sector head at their own office still reads it: the masking is the desk's, not the person's.
      expect((await responsabile.call('persons.get', { id: p.id })).body.gp).toEqual({ name: 'Dott.ssa Neri', regionalCode: null, phone: null });
    } finally {
      await configureDesk(generalDesk, null);
    }
    expect((await generalHead.call('persons.get', { id: p.id })).body.gp).toEqual({ name: 'Dott.ssa Neri', regionalCode: null, phone: null });
  });
});
