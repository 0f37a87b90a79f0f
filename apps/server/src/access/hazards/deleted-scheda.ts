import { answerText } from '../cross-tenant/leaks.js';
import { childIds, ownersOf } from './hazard-owners.js';
import { countersNow, sanitySweep, type Hazard } from './hazard.js';
import { addNumbers, grant, personBy, schedaBy, SecretBag, versionOf, type Kit } from './kit.js';
import { viewerOf } from './viewers.js';

/**
 * Hazard 3 — the deleted scheda (`intakeRecords.delete`; docs/intake.md, "Deletion": it "disappears
 * from every view, list, search slot, count and export" and "stays in the database for the DPO").
 * Città di Castello's desk operator writes a scheda about a person the ente's personas see (the desk
 * by office, the sector head by scope, the social worker and the cooperative by grants), with notes, a
 * service request with a file; the sector head grants the scheda to the social worker and the
 * cooperative. Completed as a proposal to take charge, it is also sent to the social service's desk;
 * the social worker refuses the send and the sector head rejects the proposal (deletion is refused
 * while either is open). Everyone reads it (checked), then the desk operator deletes it.
 * From then on its id, number, texts and files reach no read action of any of them; the DPO reads its
 * ids and the deletion's reason in the audit log — the documented exception, the only one allowed.
 * Tiers: `person` (the person, still theirs), `scheda` (the deleted scheda and everything in it).
 */
export const deletedSchedaViewers: Record<string, string[]> = {
  sportello: ['person'], responsabile: ['person'], assistente: ['person'], terzosettore: ['person'], dpo: [], admin: [],
};
const sawIt = ['sportello', 'responsabile', 'assistente', 'terzosettore'];

async function writeScheda(k: Kit, bag: SecretBag, personId: string, ssp: string): Promise<string> {
  const s = await schedaBy(k, 'sportello', personId, bag, 'scheda', { outcome: 'take_charge_proposal' });
  await k.must('sportello', 'intakeNotes.create', { intakeId: s.id, text: bag.text('scheda', 'PublicNote') });
  await k.must('sportello', 'intakeNotes.create', { intakeId: s.id, text: bag.text('scheda', 'PrivateNote'), private: true });
  await k.must('sportello', 'serviceRequests.create', { intakeId: s.id, serviceCode: 'UDC79', notes: bag.text('scheda', 'RequestNote'), attachments: [bag.file('scheda', 'RequestFile')] });
  await k.must('sportello', 'intakeRecords.complete', { id: s.id, version: await versionOf(k, s.id) });
  for (const who of ['assistente', 'terzosettore']) await grant(k, 'responsabile', 'intakeRecord', s.id, { operator: who });
  const sent = await k.must('sportello', 'intakeRecords.send', { id: s.id, version: await versionOf(k, s.id), destOfficeId: ssp, message: bag.text('scheda', 'SendMessage') });
  await k.must('assistente', 'intakeRecords.refuse', { transferId: sent.id, version: sent.version, reason: 'Non di competenza di questo servizio' });
  const c = await childIds(k, [], [s.id]);
  await k.must('responsabile', 'proposals.reject', { id: c.proposals[0]!.id, version: c.proposals[0]!.version, note: 'Non ricorrono i presupposti' });
  return s.id;
}

/** Everyone who is to lose it reads the scheda before the deletion (else the hazard tests nothing). */
async function theySawIt(k: Kit, intakeId: string, bag: SecretBag): Promise<string[]> {
  const problems: string[] = [];
  const description = bag.items.find((s) => s.what === 'AccessDescription')!.value.toLowerCase();
  for (const who of sawIt) {
    const r = await (await viewerOf(k.t, who)).client.call('intakeRecords.get', { id: intakeId });
    if (r.status !== 200 || !(await answerText(r.body, r.headers)).includes(description)) problems.push(`${who} did not read the scheda before the deletion: HTTP ${r.status}`);
  }
  return problems;
}

export async function deletedScheda(k: Kit): Promise<Hazard> {
  const bag = new SecretBag();
  const desk = await k.officeOf('sportello', 'sportello_accoglienza');
  const ssp = await k.officeOf('responsabile', 'servizio_sociale_professionale');
  const person = await personBy(k, 'sportello', bag, 'person');
  for (const who of ['assistente', 'terzosettore']) await grant(k, 'responsabile', 'person', person.id, { operator: who });
  const plan = { officeIds: [desk, ssp], people: [person] };
  const before = await countersNow(k, Object.keys(deletedSchedaViewers), plan);

  const intakeId = await writeScheda(k, bag, person.id, ssp);
  const c = await childIds(k, [], [intakeId]);
  bag.add('scheda', 'note id', c.notes);
  bag.add('scheda', 'service request id', c.serviceRequests.map((r) => r.id));
  bag.add('scheda', 'attachment id', c.attachments);
  await addNumbers(k, bag, 'scheda', [intakeId]);
  const scope = { owner: 'sportello', personIds: [person.id], intakeIds: [intakeId], officeIds: plan.officeIds };
  const owners = await ownersOf(k, scope);
  const sanity = await sanitySweep(k, scope, bag, 'sportello', ['scheda', 'person'], 'before the deletion');
  const preconditions = await theySawIt(k, intakeId, bag);
  const during = await countersNow(k, Object.keys(deletedSchedaViewers), plan);

  const reason = bag.text('scheda', 'DeletionReason');
  await k.must('sportello', 'intakeRecords.delete', { id: intakeId, version: await versionOf(k, intakeId), reason });
  const after = await countersNow(k, Object.keys(deletedSchedaViewers), plan);
  return {
    name: 'deleted scheda', owners, bag, viewers: deletedSchedaViewers,
    counters: { viewers: Object.keys(deletedSchedaViewers), plan, before, during, after }, sanity: [sanity], preconditions,
    sweepOptions: { auditExtra: [reason] },
  };
}
