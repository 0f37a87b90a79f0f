import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOperator } from '../../testing/add-operator.js';
import { createPerson } from '../../testing/persons.js';
import { placementOf } from '../../testing/placement.js';
import { createTestApp, type InputOf, type TestApp, type TestClient } from '../../testing/test-app.js';

/**
 * The intake desk's alerts honour each recipient's preferences (issue 11, point 4): a proposal to take
 * charge (also from another ente's desk to the capofila), its rejection, a scheda received from
 * another desk and its refusal each tell every recipient in-app and/or by e-mail exactly as they
 * asked, and by the type's default when they asked nothing (alertTypeDefaults).
 *
 * Who asked what: at the Città di Castello professional social service, `assistente` turned both
 * channels off for proposals and received schede, `ssp_mail` (added here) wants e-mail only, and
 * `responsabile` keeps the defaults (in-app and e-mail). At the desk, `sportello` turned rejected
 * proposals off entirely and wants refused schede by e-mail only; `desk_defaults` (added here) keeps
 * the defaults (in-app only for both).
 */
let t: TestApp;
let sportello: TestClient;
let sportelloB: TestClient;
let sportello2: TestClient;
let assistente: TestClient;
let admin: TestClient;

const db = () => t.database.db;
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome' }).format(new Date());
type Told = { inApp: number; email: number };
const none: Told = { inApp: 0, email: 0 };
const inAppOnly: Told = { inApp: 1, email: 0 };
const emailOnly: Told = { inApp: 0, email: 1 };
const both: Told = { inApp: 1, email: 1 };

async function mailsTo(username: string): Promise<number> {
  const r = await db().selectFrom('email_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('to_address', '=', `${username}@demo.siso.invalid`).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Runs `act` (which returns the id the alerts link to) and compares, for each operator of `expected`,
 * the in-app alerts of `type` linked to it and the e-mails they got meanwhile.
 */
async function expectTold(type: string, act: () => Promise<string>, expected: Record<string, Told>): Promise<void> {
  const before = Object.fromEntries(await Promise.all(Object.keys(expected).map(async (u) => [u, await mailsTo(u)] as const)));
  const linkId = await act();
  const got: Record<string, Told> = {};
  for (const username of Object.keys(expected)) {
    const at = await placementOf(db(), username);
    const alerts = await db().selectFrom('alert').select('id').where('type', '=', type).where('link_id', '=', linkId)
      .where('recipient_kind', '=', 'operator').where('recipient_id', '=', at.operatorId).execute();
    got[username] = { inApp: alerts.length, email: (await mailsTo(username)) - before[username]! };
  }
  expect(got).toEqual(expected);
  // Every alert of that link is addressed to one operator: an office- or ente-wide one would ignore them.
  expect(await db().selectFrom('alert').select('id').where('link_id', '=', linkId).where('recipient_kind', '<>', 'operator').execute()).toEqual([]);
}

async function setPreferences(c: TestClient, items: InputOf<'alerts.setPreferences'>['items']) {
  const r = await c.call('alerts.setPreferences', { items });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** A completed scheda of `c`'s desk, with outcome "proposta di presa in carico"; returns the proposal's id. */
async function propose(c: TestClient, surname: string): Promise<{ proposalId: string; intakeId: string }> {
  const p = await createPerson(c, { surname, name: 'Bruna', birthDate: '1944-05-06' });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  const r = await c.call('intakeRecords.create', {
    access: { date: today(), mode: 'in_person', reason: 'spontaneous', description: 'Vive sola, non autosufficiente' },
    interlocutor: { type: 'user' }, personId: p.body.id, needs: { codes: ['FIS01'] },
    outcome: { type: 'take_charge_proposal', socialCategory: 'anziani' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const done = await c.call('intakeRecords.complete', { id: r.body.id, version: r.body.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  const row = await db().selectFrom('take_charge_proposal').select('id').where('intake_id', '=', r.body.id).executeTakeFirstOrThrow();
  return { proposalId: row.id, intakeId: r.body.id };
}

/** A scheda of the sportello's desk sent to `destOfficeId`; returns the transfer. */
async function send(destOfficeId: string): Promise<{ id: string; version: number; intakeId: string }> {
  const r = await sportello.call('intakeRecords.create', {
    access: { date: today(), mode: 'phone_referral', reason: 'spontaneous', description: 'Chiede un contributo' },
    interlocutor: { type: 'user' }, personId: null, needs: { codes: ['FIS01'] }, services: { requested: ['UDC79'] }, outcome: { type: 'sent' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const sent = await sportello.call('intakeRecords.send', { id: r.body.id, version: r.body.version, destOfficeId });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return { id: sent.body.id, version: sent.body.version, intakeId: r.body.id };
}

beforeAll(async () => {
  t = await createTestApp();
  sportello = await t.as('sportello');
  sportelloB = await t.as('sportelloB');
  sportello2 = await t.as('sportello2');
  assistente = await t.as('assistente');
  admin = await t.as('admin');
  const sspMail = (await addOperator(t, { username: 'ssp_mail', like: 'assistente', officeType: 'servizio_sociale_professionale', profile: 'assistente_sociale', professionalType: 'assistente_sociale' })).client;
  await addOperator(t, { username: 'desk_defaults', like: 'sportello', officeType: 'sportello_accoglienza', profile: 'operatore_sportello' });
  type AlertType = InputOf<'alerts.setPreferences'>['items'][number]['type'];
  const off = (type: AlertType) => ({ type, inApp: false, email: false });
  const mailOnly = (type: AlertType) => ({ type, inApp: false, email: true });
  await setPreferences(assistente, [off('intake.proposal'), off('intake.received')]);
  await setPreferences(sspMail, [mailOnly('intake.proposal'), mailOnly('intake.received')]);
  await setPreferences(sportello, [off('intake.proposalRejected'), mailOnly('intake.refused')]);
});
afterAll(async () => t?.close());

describe('intake alerts follow each recipient’s preferences', () => {
  it('a proposal to take charge: the social service’s operators, each as they asked', async () => {
    await expectTold('intake.proposal', async () => (await propose(sportello, 'Orsini')).proposalId, {
      assistente: none, ssp_mail: emailOnly, responsabile: both,
    });
  });

  it('a proposal from another ente’s desk to the capofila: the same, across enti', async () => {
    const umbertide = (await placementOf(db(), 'sportelloB')).officeId;
    const desk = (await admin.call('desks.find', { limit: 200 })).body.items.find((d: { officeId: string }) => d.officeId === umbertide)!;
    const { officeId, kind, thematicCode, mandatorySections, excludedProfiles, readableClasses, privacyPerDesk, accessPoints, version } = desk;
    const cfg = await admin.call('desks.configure', { officeId, kind, thematicCode, mandatorySections, excludedProfiles, readableClasses, privacyPerDesk, accessPoints, version, proposalTarget: 'capofila' });
    expect(cfg.status, JSON.stringify(cfg.body)).toBe(200);
    await expectTold('intake.proposal', async () => (await propose(sportelloB, 'Pace')).proposalId, {
      assistente: none, ssp_mail: emailOnly, responsabile: both,
    });
  });

  it('a rejected proposal: the proposing desk’s operators, each as they asked', async () => {
    const { proposalId, intakeId } = await propose(sportello, 'Riva');
    await expectTold('intake.proposalRejected', async () => {
      const r = await assistente.call('proposals.reject', { id: proposalId, version: 0, note: 'Già seguita dal distretto sanitario' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return intakeId;
    }, { sportello: none, desk_defaults: inAppOnly });
  });

  it('a scheda received from another desk: the destination’s operators, each as they asked', async () => {
    const ssp = (await placementOf(db(), 'assistente')).officeId;
    await expectTold('intake.received', async () => (await send(ssp)).id, {
      assistente: none, ssp_mail: emailOnly, responsabile: both,
    });
  });

  it('a refused scheda: the sending desk’s operators, each as they asked', async () => {
    const perugia = (await placementOf(db(), 'sportello2')).officeId;
    const sent = await send(perugia);
    await expectTold('intake.refused', async () => {
      const r = await sportello2.call('intakeRecords.refuse', { transferId: sent.id, version: sent.version, reason: 'Residente in altro comune' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return sent.intakeId;
    }, { sportello: emailOnly, desk_defaults: inAppOnly });
    // The mail only says that something is waiting in SISO: the scheda's number and the offices.
    const mail = await db().selectFrom('email_outbox').select(['subject', 'body_text']).where('to_address', '=', 'sportello@demo.siso.invalid')
      .orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(mail.subject).toMatch(/^SISO: Scheda .+ rifiutata da /);
    expect(mail.body_text).not.toContain('Residente in altro comune');
  });
});
