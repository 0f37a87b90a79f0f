import { childIds, ownersOf } from './hazard-owners.js';
import { countersNow, sanitySweep, type Hazard } from './hazard.js';
import { addNumbers, grant, personBy, schedaBy, SecretBag, type Kit } from './kit.js';
import { answerText } from '../cross-tenant/leaks.js';
import { viewerOf } from './viewers.js';
import type { InputOf } from '../../testing/test-app.js';

/**
 * Hazard 1 — the excluded desk (siso-original §10.3.1; docs/intake.md, "Desk configuration").
 * Umbertide's general desk keeps its privacy notices per desk and proposes to the ambito's capofila.
 * Its operator (`sportelloB`) writes a scheda about a person the ente's other personas see (the sector
 * head by scope, the social worker and the cooperative by grants), with public and private notes, a
 * service request with a file, the privacy notice with its signed form, a completed scheda sent to the
 * foreigners' desk and one proposed for taking charge; the sector head grants the three schede to the
 * social worker and the cooperative. They do read them (checked); then the ambito administrator
 * configures the desk to exclude their three profiles, and from then on nothing of the desk may reach
 * them: not the schede, notes, requests, files, notice, send or proposal — nor a number on a counter.
 * (The optional consent recorded with the notice is the ente's — one in force per person and ente, no
 * desk: record-kind rule `consent` — and is not a secret.)
 * The proposal goes to the capofila's (Città di Castello's) social service, whose two personas hold
 * excluded profiles too: they receive the proposal and its person by design (record-kind rule
 * `takeChargeProposal`, and the grants the proposal makes), but the proposal's grant on the scheda
 * must not beat the exclusion. Their counters move with the proposal by design and are not compared.
 * Tiers: `person` (the person, theirs by scope or grant), `proposal` (the proposal and the id of the
 * scheda it is about, the capofila's inbox), `desk` (everything else the desk wrote).
 */
const enteViewers: Record<string, string[]> = {
  responsabileB: ['person'], assistenteB: ['person'], terzosettoreB: ['person'], dpoB: [], adminB: [],
};
export const excludedDeskViewers: Record<string, string[]> = {
  ...enteViewers, assistente: ['person', 'proposal'], responsabile: ['person', 'proposal'],
};
const excluded = ['assistente_sociale', 'responsabile_settore', 'operatore_terzo_settore'];
const wouldSee = ['responsabileB', 'assistenteB', 'terzosettoreB'];

async function writeDeskRows(k: Kit, bag: SecretBag, personId: string, foreignDesk: string): Promise<string[]> {
  const s = await schedaBy(k, 'sportelloB', personId, bag, 'desk');
  await k.must('sportelloB', 'intakeNotes.create', { intakeId: s.id, text: bag.text('desk', 'PublicNote') });
  await k.must('sportelloB', 'intakeNotes.create', { intakeId: s.id, text: bag.text('desk', 'PrivateNote'), private: true });
  await k.must('sportelloB', 'serviceRequests.create', { intakeId: s.id, serviceCode: 'UDC79', notes: bag.text('desk', 'RequestNote'), attachments: [bag.file('desk', 'RequestFile')] });
  await k.must('sportelloB', 'consents.record', {
    personId, intakeId: s.id, consents: [{ type: 'contatto_email', given: true, givenOn: k.today }],
    notice: { givenOn: k.today, mode: 'in_person', signerKind: 'tutore', representative: { surname: bag.text('desk', 'Tutor'), name: 'Tutore', appointment: 'Tribunale' }, document: bag.file('desk', 'NoticeFile') },
  });
  const sent = await schedaBy(k, 'sportelloB', personId, bag, 'desk', { complete: true });
  await k.must('sportelloB', 'intakeRecords.send', { id: sent.id, version: sent.version, destOfficeId: foreignDesk, message: bag.text('desk', 'SendMessage') });
  const proposed = await schedaBy(k, 'sportelloB', personId, bag, 'desk', { complete: true, outcome: 'take_charge_proposal' });
  bag.retier(proposed.id, 'proposal');
  return [s.id, sent.id, proposed.id];
}

/** The three would-be viewers read the first scheda before the exclusion (else the hazard tests nothing). */
async function theyWouldSee(k: Kit, intakeId: string, bag: SecretBag): Promise<string[]> {
  const problems: string[] = [];
  const description = bag.items.find((s) => s.what === 'AccessDescription')!.value.toLowerCase();
  for (const who of wouldSee) {
    const r = await (await viewerOf(k.t, who)).client.call('intakeRecords.get', { id: intakeId });
    if (r.status !== 200 || !(await answerText(r.body, r.headers)).includes(description)) problems.push(`${who} did not read the scheda before the exclusion: HTTP ${r.status}`);
  }
  return problems;
}

export async function excludedDesk(k: Kit): Promise<Hazard> {
  const bag = new SecretBag();
  const [desk, foreignDesk, ssp] = await Promise.all(['sportello_accoglienza', 'sportello_stranieri', 'servizio_sociale_professionale'].map((type) => k.officeOf('sportelloB', type)));
  const settings = { officeId: desk!, kind: 'general', mandatorySections: ['access', 'interlocutor', 'user', 'outcome'], privacyPerDesk: true, proposalTarget: 'capofila' } satisfies Partial<InputOf<'desks.configure'>>;
  const seeded = await k.must('admin', 'desks.find', { limit: 200 });
  const configured = await k.must('admin', 'desks.configure', { ...settings, version: seeded.items.find((d) => d.officeId === desk)?.version ?? null });
  const person = await personBy(k, 'sportelloB', bag, 'person');
  for (const who of ['assistenteB', 'terzosettoreB']) await grant(k, 'responsabileB', 'person', person.id, { operator: who });
  const plan = { officeIds: [desk!, foreignDesk!, ssp!], people: [person] };
  const before = await countersNow(k, Object.keys(enteViewers), plan);

  const intakeIds = await writeDeskRows(k, bag, person.id, foreignDesk!);
  for (const id of intakeIds) for (const who of ['assistenteB', 'terzosettoreB']) await grant(k, 'responsabileB', 'intakeRecord', id, { operator: who });
  const preconditions = await theyWouldSee(k, intakeIds[0]!, bag);
  const during = await countersNow(k, Object.keys(enteViewers), plan);
  await k.must('admin', 'desks.configure', { ...settings, excludedProfiles: excluded, version: configured.version });
  const after = await countersNow(k, Object.keys(enteViewers), plan);

  const c = await childIds(k, [], intakeIds);
  bag.add('desk', 'note id', c.notes);
  bag.add('desk', 'service request id', c.serviceRequests.map((r) => r.id));
  bag.add('desk', 'attachment id', c.attachments);
  bag.add('desk', 'privacy notice id', c.notices);
  bag.add('desk', 'transfer id', c.transfers.map((r) => r.id));
  bag.add('proposal', 'proposal id', c.proposals.map((r) => r.id));
  await addNumbers(k, bag, 'desk', intakeIds);

  const scope = { owner: 'sportelloB', personIds: [person.id], intakeIds, officeIds: plan.officeIds };
  return {
    name: 'excluded desk', owners: await ownersOf(k, scope), bag, viewers: excludedDeskViewers,
    counters: { viewers: Object.keys(enteViewers), plan, before, during, after },
    sanity: [await sanitySweep(k, scope, bag, 'sportelloB', ['desk', 'person', 'proposal'], 'after the exclusion')],
    preconditions, sweepOptions: {},
  };
}
