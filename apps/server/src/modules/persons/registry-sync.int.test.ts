import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnprSimulator } from '../../anpr-simulator/index.js';
import { addOperator } from '../../testing/add-operator.js';
import { placementOf } from '../../testing/placement.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { unmasked } from '../../testing/unmasked.js';

/**
 * Registry integration end to end (issue 4, point 8): "load from ANPR" through the real client and
 * the PDND/ModI contract simulator, and the nightly job that applies registry changes of followed
 * people as validity-dated history and raises alerts, as each operator asked (in-app / e-mail); a
 * registry that fails changes nothing.
 */
let t: TestApp;
let sim: AnprSimulator;
let sportello: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp({ jobs: true, config: { SISO_REGISTRY: 'simulator', SISO_REGISTRY_TIMEOUT_MS: '1500' } });
  sim = t.app.registrySimulator!;
  sportello = await t.as('sportello');
  admin = await t.as('admin');
});
afterAll(async () => t?.close());

async function waitForRun(id: string) {
  const until = Date.now() + 45_000;
  for (;;) {
    const run = await admin.call('jobs.getRun', { id });
    if (['succeeded', 'failed', 'retrying'].includes(run.body.status)) return run.body;
    if (Date.now() > until) throw new Error(`run ${id} stuck in ${run.body.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A living resident with a household of at least two, not yet registered here. */
function resident(skip: ReadonlySet<string>) {
  const r = sim.residents.list().find((x) => !x.death && !skip.has(x.fiscalCode) && sim.residents.household(x.fiscalCode).length >= 2 && /^[A-Z]/.test(x.surname));
  if (!r) throw new Error('no resident');
  return r;
}

async function registerFromRegistry(fiscalCode: string) {
  const loaded = await sportello.call('persons.loadFromRegistry', { fiscalCode, reason: 'Prot. 77/2026' });
  expect(loaded.status).toBe(200);
  const p = loaded.body.person;
  const token = (await sportello.call('persons.find', { q: fiscalCode })).body.searchToken;
  const created = await sportello.call('persons.create', {
    searchToken: token!, fiscalCode, surname: p!.surname, name: p!.name, sex: p!.sex, birthDate: p!.birthDate, anprId: p!.anprId, registrySync: true, citizenships: p!.citizenships, civilStatus: p!.civilStatus,
    addresses: [{ kind: 'residence', street: p!.residence!.street, civic: p!.residence!.civic, comuneIstat: p!.residence!.comuneIstat, validFrom: '2020-01-01' }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body;
}

describe('registry (ANPR simulator)', () => {
  const used = new Set<string>();

  it('loads a resident to prefill the form, with the household, and compares with what we hold', async () => {
    const r = resident(used);
    used.add(r.fiscalCode);
    const res = await sportello.call('persons.loadFromRegistry', { fiscalCode: r.fiscalCode, reason: 'Prot. 12/2026' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'anpr', found: true, person: { fiscalCode: r.fiscalCode, surname: r.surname, birthDate: r.birthDate } });
    expect(res.body.person!.household.map((m) => m.fiscalCode).sort()).toEqual(sim.residents.household(r.fiscalCode).map((m) => m.fiscalCode).sort());
    const created = await registerFromRegistry(r.fiscalCode);
    await sportello.call('persons.update', { id: created.id, version: created.version, civilStatus: r.civilStatus === '1' ? '2' : '1' });
    const diff = await sportello.call('persons.loadFromRegistry', { fiscalCode: r.fiscalCode, personId: created.id, reason: 'verifica' });
    expect(diff.body.differences.map((d: { field: string }) => d.field)).toEqual(['civilStatus']);
    const unknown = await sportello.call('persons.loadFromRegistry', { fiscalCode: 'RSSMRA80A01H501U', reason: 'verifica' });
    expect(unknown.body).toMatchObject({ found: false, person: null });
  });

  it("compares through the person presenter: a protected person's residence is no difference for whom the protection does not name", async () => {
    const r = resident(used);
    used.add(r.fiscalCode);
    const created = await registerFromRegistry(r.fiscalCode);
    // The sector head moves them to a shelter and protects them (and is granted on them).
    const responsabile = await t.as('responsabile');
    const moved = await responsabile.call('persons.update', {
      id: created.id, version: created.version, protectionReason: 'violence',
      newAddress: { kind: 'residence', street: 'Casa rifugio', comuneIstat: '054039', validFrom: '2025-01-01' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const granted = await responsabile.call('persons.loadFromRegistry', { fiscalCode: r.fiscalCode, personId: created.id, reason: 'verifica' });
    expect(granted.body.differences).toContainEqual(expect.objectContaining({ field: 'residence', current: expect.stringContaining('Casa rifugio') }));
    // The desk reads the person but is not granted: neither our address nor the registry's is shown.
    const desk = await sportello.call('persons.loadFromRegistry', { fiscalCode: r.fiscalCode, personId: created.id, reason: 'verifica' });
    expect(desk.status).toBe(200);
    expect(desk.body.person).toMatchObject({ residence: null, household: [] });
    expect(desk.body.differences.map((d: { field: string }) => d.field)).not.toContain('residence');
    expect(JSON.stringify(desk.body)).not.toContain('Casa rifugio');
  });

  it('applies nightly changes (move, death) as history and alerts the office; a failing registry changes nothing', async () => {
    const mover = resident(used);
    used.add(mover.fiscalCode);
    const dying = resident(used);
    used.add(dying.fiscalCode);
    const a = await registerFromRegistry(mover.fiscalCode);
    const b = await registerFromRegistry(dying.fiscalCode);
    // First run: the cursor starts here.
    expect((await waitForRun((await admin.call('jobs.start', { name: 'registry.sync', payload: {} })).body.id)).status).toBe('succeeded');

    sim.recordChange({ kind: 'moves', subject: mover.fiscalCode, to: { comuneIstat: '054039', specie: 'VIA', denominazione: 'DEI PRIORI', civic: '8' }, effectiveDate: '2026-10-01' });
    sim.recordChange({ kind: 'dies', subject: dying.fiscalCode, effectiveDate: '2026-10-15' });

    // A registry that answers 503 fails the run (pg-boss retries it) and changes nothing.
    sim.injectFault({ mode: 'http503', count: 50, target: 'anpr' });
    const failed = await waitForRun((await admin.call('jobs.start', { name: 'registry.sync', payload: {} })).body.id);
    expect(['retrying', 'failed']).toContain(failed.status);
    expect((await sportello.call('persons.get', { id: b.id })).body.dateOfDeath).toBeNull();
    const state = await t.database.db.selectFrom('registry_sync_state').select(['last_outcome', 'last_error']).execute();
    expect(state.map((s) => s.last_outcome)).toContain('failed');
    const during = await sportello.call('persons.loadFromRegistry', { fiscalCode: mover.fiscalCode, reason: 'verifica' });
    expect(during.status).toBe(422);
    expect(during.error.details[0]!.message).toMatch(/anagrafe/i);
    sim.clearFaults();

    const ok = await waitForRun((await admin.call('jobs.start', { name: 'registry.sync', payload: {} })).body.id);
    expect(ok.status).toBe('succeeded');
    const moved = await sportello.call('persons.get', { id: a.id });
    const residences = unmasked(moved.body.addresses).filter((x: { kind: string }) => x.kind === 'residence');
    expect(residences[0]).toMatchObject({ street: 'VIA DEI PRIORI', civic: '8', comuneIstat: '054039', source: 'registry', validFrom: '2026-10-01', validTo: null });
    expect(residences[1]).toMatchObject({ validTo: '2026-09-30' });
    expect((await sportello.call('persons.get', { id: b.id })).body).toMatchObject({ deceased: true, dateOfDeath: '2026-10-15' });
    const history = await sportello.call('persons.history', { id: b.id });
    expect(history.body.items[0]).toMatchObject({ source: 'registry', changes: [{ field: 'dateOfDeath', before: null, after: '2026-10-15' }] });
    // The office holding them is told through its operators (the desk has one: sportello).
    const desk = await placementOf(t.database.db, 'sportello');
    const alerts = await t.database.db.selectFrom('alert').select(['title', 'link_id']).where('type', '=', 'registry.change')
      .where('recipient_kind', '=', 'operator').where('recipient_id', '=', desk.operatorId).execute();
    expect(alerts.map((x) => x.link_id).sort()).toEqual([a.id, b.id].sort());
    expect(alerts.find((x) => x.link_id === b.id)!.title).toMatch(/decesso/);
    // Running again applies nothing twice.
    expect((await waitForRun((await admin.call('jobs.start', { name: 'registry.sync', payload: {} })).body.id)).status).toBe('succeeded');
    const count = await t.database.db.selectFrom('person_history').select(sql<number>`count(*)::int`.as('n')).where('person_id', '=', b.id).where('source', '=', 'registry').executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    const audited = await t.database.db.selectFrom('audit_event').select('subject_people').where('action', '=', 'registry.sync').execute();
    expect(audited.flatMap((x) => x.subject_people ?? [])).toEqual(expect.arrayContaining([a.id, b.id]));
  });
  it('tells each operator of the office as they asked: in-app, e-mail, both or neither (issue 11, point 4)', async () => {
    const db = t.database.db;
    // Three more operators of the sportello's desk: one turned both channels off, one wants e-mail
    // only, one both; sportello keeps the defaults of registry.change (in-app, no e-mail).
    const desk = (username: string) => addOperator(t, { username, like: 'sportello', officeType: 'sportello_accoglienza', profile: 'operatore_sportello' });
    const quiet = (await desk('sync_quiet')).client;
    const mailOnly = (await desk('sync_mail')).client;
    const both = (await desk('sync_both')).client;
    for (const [c, inApp, email] of [[quiet, false, false], [mailOnly, false, true], [both, true, true]] as const) {
      expect((await c.call('alerts.setPreferences', { items: [{ type: 'registry.change', inApp, email }] })).status).toBe(200);
    }
    const mover = resident(used);
    used.add(mover.fiscalCode);
    const person = await registerFromRegistry(mover.fiscalCode);
    expect((await waitForRun((await admin.call('jobs.start', { name: 'registry.sync', payload: {} })).body.id)).status).toBe('succeeded');
    sim.recordChange({ kind: 'moves', subject: mover.fiscalCode, to: { comuneIstat: '054039', specie: 'VIA', denominazione: 'MAZZINI', civic: '3' }, effectiveDate: '2026-11-02' });
    // The job's requester (another producer, jobs/notify-requester.ts) wants a completed run by e-mail
    // only: the mail shows that they were told, and there must be no in-app alert beside it.
    expect((await admin.call('alerts.setPreferences', { items: [{ type: 'job.succeeded', inApp: false, email: true }] })).status).toBe(200);
    const runMails = () => db.selectFrom('email_outbox').select('id').where('to_address', '=', 'admin@demo.siso.invalid').where('subject', 'like', '%Sincronizzazione anagrafe%completato%').execute();
    const mailsBefore = (await runMails()).length;
    const run = await waitForRun((await admin.call('jobs.start', { name: 'registry.sync', payload: {} })).body.id);
    expect(run.status).toBe('succeeded');

    const told = async (username: string) => {
      const at = await placementOf(db, username);
      const inApp = await db.selectFrom('alert').select('title').where('type', '=', 'registry.change').where('link_id', '=', person.id)
        .where('recipient_kind', '=', 'operator').where('recipient_id', '=', at.operatorId).execute();
      const mails = await db.selectFrom('email_outbox').select(['subject', 'body_text']).where('to_address', '=', `${username}@demo.siso.invalid`)
        .where('subject', 'like', '%Variazione anagrafica%').execute();
      return { inApp: inApp.length, email: mails.length, mails };
    };
    expect(await told('sportello')).toMatchObject({ inApp: 1, email: 0 });
    expect(await told('sync_quiet')).toMatchObject({ inApp: 0, email: 0 });
    expect(await told('sync_both')).toMatchObject({ inApp: 1, email: 1 });
    const mailed = await told('sync_mail');
    expect(mailed).toMatchObject({ inApp: 0, email: 1 });
    // The mail says that something is waiting in SISO: the kind of change, never the person.
    expect(mailed.mails[0]!.body_text).toContain('Variazione anagrafica: cambio di residenza');
    expect(mailed.mails[0]!.body_text).not.toContain(mover.surname);
    // Nothing is addressed to the office as a whole any more: each operator's preference decided.
    const toOffice = await db.selectFrom('alert').select('id').where('link_id', '=', person.id).where('recipient_kind', '<>', 'operator').execute();
    expect(toOffice).toEqual([]);
    // What the quiet operator sees in the bell agrees.
    const bell = await quiet.call('alerts.find', {});
    expect(bell.body.items.filter((i: { link: { id: string } | null }) => i.link?.id === person.id)).toEqual([]);
    // The requester is told after the run is marked succeeded: wait for the mail, then look for the alert.
    for (const until = Date.now() + 30_000; (await runMails()).length === mailsBefore; ) {
      if (Date.now() > until) throw new Error('the requester got no e-mail for the completed run');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await runMails()).length).toBe(mailsBefore + 1);
    const requester = await placementOf(db, 'admin');
    const runAlerts = await db.selectFrom('alert').select('id').where('type', '=', 'job.succeeded').where('link_id', '=', run.id)
      .where('recipient_id', '=', requester.operatorId).execute();
    expect(runAlerts).toEqual([]);
  });
});
