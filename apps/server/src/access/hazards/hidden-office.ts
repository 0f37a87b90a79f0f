import { sql } from 'kysely';
import { answerText } from '../cross-tenant/leaks.js';
import { childIds, ownersOf } from './hazard-owners.js';
import { countersNow, sanitySweep, type Hazard } from './hazard.js';
import { addNumbers, grant, personBy, schedaBy, SecretBag, type Kit } from './kit.js';
import { viewerOf } from './viewers.js';

/**
 * Hazard 2 — the grant that hides what the granting office produced (`grants.create` with
 * `hideInfoFrom`, "nascondi le informazioni prodotte dal mio ufficio"; record-kind rule
 * `producedByOffice`). Città di Castello's desk operator registers a person and writes a scheda with a
 * public note, a private note and a service request with a file; the sector head, from the social
 * service's office, shares the person and the scheda, hiding that office, with Umbertide's social
 * service (an office grant: `assistenteB`, `responsabileB`), with Umbertide's desk operator and with
 * Castello's own cooperative (operator grants); then adds a note, a private note, a service request with
 * a file and the privacy notice with its signed form. The counters are read around these last rows.
 * Tiers: `record` (the person, the scheda and what the desk wrote: the grantees' to read),
 * `privateText` (the desk's private note, listed masked), `hidden` (everything the social service wrote).
 */
export const hiddenOfficeViewers: Record<string, string[]> = {
  assistenteB: ['record'], responsabileB: ['record'], sportelloB: ['record'], terzosettore: ['record'],
};

/** The shared record: the person, the scheda and what the desk wrote in it (the grantees' to read). */
async function writeRecord(k: Kit, bag: SecretBag): Promise<{ person: { id: string; surname: string }; intakeId: string }> {
  const person = await personBy(k, 'sportello', bag, 'record', { notes: bag.text('record', 'PersonNote') });
  const s = await schedaBy(k, 'sportello', person.id, bag, 'record');
  await k.must('sportello', 'intakeNotes.create', { intakeId: s.id, text: bag.text('record', 'DeskNote') });
  await k.must('sportello', 'intakeNotes.create', { intakeId: s.id, text: bag.text('privateText', 'DeskPrivateNote'), private: true });
  await k.must('sportello', 'serviceRequests.create', { intakeId: s.id, serviceCode: 'UDC79', notes: bag.text('record', 'DeskRequest'), attachments: [bag.file('record', 'DeskFile')] });
  return { person, intakeId: s.id };
}

/** What the social service's office writes in the shared record after the grants: hidden from the grantees. */
async function writeHidden(k: Kit, bag: SecretBag, personId: string, intakeId: string): Promise<void> {
  await k.must('responsabile', 'intakeNotes.create', { intakeId, text: bag.text('hidden', 'OfficeNote') });
  await k.must('responsabile', 'intakeNotes.create', { intakeId, text: bag.text('hidden', 'OfficePrivateNote'), private: true });
  await k.must('responsabile', 'serviceRequests.create', { intakeId, serviceCode: 'UDC79', notes: bag.text('hidden', 'OfficeRequest'), attachments: [bag.file('hidden', 'OfficeFile')] });
  await k.must('responsabile', 'consents.record', {
    personId, intakeId,
    notice: { givenOn: k.today, mode: 'in_person', signerKind: 'tutore', representative: { surname: bag.text('hidden', 'OfficeTutor'), name: 'Tutore', appointment: 'Tribunale' }, document: bag.file('hidden', 'OfficeNoticeFile') },
  });
}

/** Each row's id in the tier of the office that wrote it. */
async function tierIds(k: Kit, bag: SecretBag, intakeId: string, hiddenOffice: string): Promise<void> {
  const tierOf = (office: string) => (office === hiddenOffice ? 'hidden' : 'record');
  const rows = await sql<{ what: string; id: string; office_id: string }>`
    SELECT 'note id' AS what, id, office_id FROM intake_note WHERE intake_id = ${intakeId}
    UNION ALL SELECT 'service request id', id, office_id FROM service_request WHERE intake_id = ${intakeId}
    UNION ALL SELECT 'attachment id', a.id, a.office_id FROM attachment a JOIN service_request r ON r.id = a.owner_id WHERE r.intake_id = ${intakeId}
    UNION ALL SELECT 'privacy notice id', id, office_id FROM privacy_notice WHERE intake_id = ${intakeId}
    UNION ALL SELECT 'attachment id', a.id, a.office_id FROM attachment a JOIN privacy_notice n ON n.id = a.owner_id WHERE n.intake_id = ${intakeId}`.execute(k.db);
  for (const r of rows.rows) bag.add(tierOf(r.office_id), r.what, [r.id]);
}

/** Every grantee reads the shared scheda and the desk's note (else the hidden items would be hidden by a 404). */
async function grantWorks(k: Kit, intakeId: string, bag: SecretBag): Promise<string[]> {
  const problems: string[] = [];
  const note = bag.items.find((s) => s.what === 'DeskNote')!.value.toLowerCase();
  for (const who of Object.keys(hiddenOfficeViewers)) {
    const r = await (await viewerOf(k.t, who)).client.call('intakeRecords.get', { id: intakeId });
    if (r.status !== 200 || !(await answerText(r.body, r.headers)).includes(note)) problems.push(`${who} does not read the shared scheda: HTTP ${r.status}`);
  }
  return problems;
}

export async function hiddenOffice(k: Kit): Promise<Hazard> {
  const bag = new SecretBag();
  const desk = await k.officeOf('sportello', 'sportello_accoglienza');
  const ssp = await k.officeOf('responsabile', 'servizio_sociale_professionale');
  const sspB = await k.officeOf('responsabileB', 'servizio_sociale_professionale');
  const { person, intakeId } = await writeRecord(k, bag);
  const personId = person.id;
  for (const [kind, id] of [['intakeRecord', intakeId], ['person', personId]] as const) {
    for (const subject of [{ office: sspB }, { operator: 'sportelloB' }, { operator: 'terzosettore' }]) await grant(k, 'responsabile', kind, id, subject, ssp);
  }
  const plan = { officeIds: [desk, ssp], people: [person] };
  const before = await countersNow(k, Object.keys(hiddenOfficeViewers), plan);
  await writeHidden(k, bag, personId, intakeId);
  const after = await countersNow(k, Object.keys(hiddenOfficeViewers), plan);
  await tierIds(k, bag, intakeId, ssp);
  await addNumbers(k, bag, 'record', [intakeId]);
  const c = await childIds(k, [personId], [intakeId]);
  if (c.notes.length !== 4 || c.attachments.length !== 3) throw new Error(`hidden-office fixture: ${c.notes.length} notes, ${c.attachments.length} files`);

  const scope = { owner: 'responsabile', personIds: [personId], intakeIds: [intakeId], officeIds: plan.officeIds };
  return {
    name: 'hidden-office grant', owners: await ownersOf(k, scope), bag, viewers: hiddenOfficeViewers,
    counters: { viewers: Object.keys(hiddenOfficeViewers), plan, before, after },
    sanity: [await sanitySweep(k, scope, bag, 'responsabile', ['record', 'privateText', 'hidden'], 'after the grants')],
    preconditions: await grantWorks(k, intakeId, bag), sweepOptions: {},
  };
}
