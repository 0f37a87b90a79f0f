import crypto from 'node:crypto';
import { computeFiscalCode, type ActionName } from '@siso/shared';
import type { InputOf, OutputOf, TestApp, TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { placementOf } from '../../testing/placement.js';
import { b64, PDF_BYTES, PNG_BYTES } from '../../testing/attachment-fixtures.js';
import { fullSections } from '../matrix/intake-fixtures.js';
import { collectOwners, type OwnerNames, type Owners } from './owner-ids.js';
import { todayInRome } from '../../documents/rome-time.js';

/**
 * The owners of the cross-tenant suite: the desk operator, the social worker and the sector head of
 * Città di Castello (`sportello`, `assistente`, `responsabile`) write a record of every kind through
 * the API — people of every sort, households, schede with every section, notes, service requests with
 * attachments, privacy notices and consents, transfers in every state, proposals in every state,
 * grants (one hiding an office, one on a desk that excludes the grantee), break-the-glass, a merge and
 * a fiscal-code replacement. Every name, code and text is a fresh random token, so finding it in an
 * answer can only mean it came from these records.
 */

const letters = (n: number) => Array.from(crypto.randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');
/** A random word that looks like a name ("Zqueprax"): capitalised, letters only. */
export const token = (prefix: string) => `${prefix}${letters(7)}`;
const today = () => todayInRome();

function identity(prefix: string) {
  const surname = token(`${prefix}s`);
  const name = token(`${prefix}n`);
  const birthDate = new Date(Date.UTC(1940, 0, 1) + crypto.randomInt(0, 60 * 365) * 86_400_000).toISOString().slice(0, 10);
  const fiscalCode = computeFiscalCode({ surname, name, sex: 'F', birthDate, birthPlaceCode: 'C745' });
  return { surname, name, birthDate, fiscalCode };
}

/** A PDF whose bytes carry a marker (a comment line): found in any answer that hands the file out. */
export function markedPdf(marker: string): string {
  const text = PDF_BYTES.toString('latin1');
  return b64(Buffer.from(text.replace('%PDF-1.4\n', `%PDF-1.4\n% ${marker}\n`), 'latin1'));
}

async function must<N extends ActionName>(c: TestClient, action: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await c.call(action, input);
  if (r.status !== 200) throw new Error(`owners' fixture ${action}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function person(c: TestClient, input: Parameters<typeof createPerson>[1]): Promise<OutputOf<'persons.create'>> {
  const r = await createPerson(c, input);
  if (r.status !== 200) throw new Error(`owners' fixture persons.create: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function buildOwners(t: TestApp): Promise<Owners> {
  const db = t.database.db;
  const [sportello, assistente, responsabile, admin] = [await t.as('sportello'), await t.as('assistente'), await t.as('responsabile'), await t.as('admin')];
  const at = await placementOf(db, 'sportello');
  const officeOfType = async (type: string) =>
    (await db.selectFrom('office').select('id').where('ente_id', '=', at.enteId).where('type', '=', type).executeTakeFirstOrThrow()).id;
  const ssp = await officeOfType('servizio_sociale_professionale');
  const terzo = await officeOfType('terzo_settore');
  const names: OwnerNames = { texts: [] };
  const text = (label: string) => {
    const v = token(`Seg${label}`);
    names.texts.push({ value: v, what: label });
    return v;
  };

  // The social service's desk excludes the third sector's profile (siso-original §10.3.1).
  await must(admin, 'desks.configure', {
    officeId: ssp, version: null, kind: 'general', mandatorySections: ['access', 'interlocutor', 'user', 'outcome'], excludedProfiles: ['operatore_terzo_settore'],
  });

  // A configuration-defined field of the ambito's schede (the desk's own section).
  const customKey = `segreto_${token('k').toLowerCase()}`;
  await must(admin, 'fields.upsert', { target: 'intake', key: customKey, labelIt: 'Annotazione dello sportello', type: 'text', fieldClass: 'personal' });

  // People of every sort.
  const ord = identity('Ord');
  const ordinary = await person(sportello, {
    surname: ord.surname, name: ord.name, fiscalCode: ord.fiscalCode, stpEniCode: `STP${String(crypto.randomInt(0, 1e13)).padStart(13, '0')}`,
    contacts: [{ kind: 'mobile', value: `33${crypto.randomInt(1e7, 9e7)}` }], aliases: [{ surname: text('Alias') }], notes: text('PersonNote'),
    addresses: [{ kind: 'residence', street: `Via ${text('Street')}`, civic: '1', comuneIstat: '054013', validFrom: '2010-01-01' }],
  });
  const anonymous = await person(sportello, { identity: 'anonymous', notes: text('AnonNote') });
  const tmp = identity('Tmp');
  await person(assistente, { surname: tmp.surname, name: tmp.name, birthDate: tmp.birthDate, sex: 'F', temporaryFiscalCode: true });
  const rep = identity('Rep');
  const replacedTmp = await person(assistente, { surname: rep.surname, name: rep.name, birthDate: rep.birthDate, sex: 'F', temporaryFiscalCode: true });
  if (typeof replacedTmp.fiscalCode === 'string') names.texts.push({ value: replacedTmp.fiscalCode, what: 'replaced temporary fiscal code' });
  await must(assistente, 'persons.replaceFiscalCode', { id: replacedTmp.id, version: replacedTmp.version, fiscalCode: rep.fiscalCode, reason: 'codice definitivo arrivato' });
  const pro = identity('Pro');
  const protectedP = await person(responsabile, {
    surname: pro.surname, name: pro.name, fiscalCode: pro.fiscalCode, protectionReason: 'violence', gp: { name: `Dott. ${text('Gp')}` },
    addresses: [{ kind: 'domicile', street: `Casa ${text('Shelter')}`, comuneIstat: '054013', validFrom: '2024-01-01' }],
  });
  const dupA = identity('Dup');
  const mergedAway = await person(sportello, { surname: dupA.surname, name: dupA.name, fiscalCode: dupA.fiscalCode, notes: text('MergedNote') });
  const surv = identity('Sur');
  const survivor = await person(sportello, { surname: surv.surname, name: surv.name, fiscalCode: surv.fiscalCode });
  const prop = identity('Prp');
  const proposalP = await person(sportello, { surname: prop.surname, name: prop.name, fiscalCode: prop.fiscalCode, notes: text('ProposalPersonNote') });
  const sha = identity('Sha');
  const sharedP = await person(sportello, { surname: sha.surname, name: sha.name, fiscalCode: sha.fiscalCode, notes: text('SharedPersonNote') });
  const wrk = identity('Wrk');
  const workerP = await person(assistente, { surname: wrk.surname, name: wrk.name, fiscalCode: wrk.fiscalCode, notes: text('WorkerPersonNote') });
  for (const i of [ord, tmp, rep, pro, dupA, surv, prop, sha, wrk]) names.texts.push({ value: i.surname, what: 'surname' }, { value: i.name, what: 'name' });
  names.texts.push({ value: rep.fiscalCode, what: 'replacement fiscal code' });

  // History, households (with a protected member), a merge.
  await must(sportello, 'persons.update', {
    id: ordinary.id, version: ordinary.version, civilStatus: '2', newAddress: { kind: 'domicile', street: `Via ${text('Domicile')}`, comuneIstat: '054013', validFrom: '2023-01-01' },
  });
  await must(sportello, 'households.update', {
    personId: ordinary.id, kind: 'household', members: [
      { personId: anonymous.id, relationship: '3', cohabiting: true },
      { displayName: `${text('Member')} Rossi`, relationship: '7', contact: `33${crypto.randomInt(1e7, 9e7)}`, note: text('MemberNote') },
    ],
  });
  await must(sportello, 'households.update', { personId: ordinary.id, kind: 'relatives', members: [{ displayName: text('Relative'), relationship: '7' }] });
  await must(responsabile, 'households.update', { personId: ordinary.id, kind: 'network', members: [{ personId: protectedP.id, relationship: '7' }] });
  await must(responsabile, 'households.update', { personId: protectedP.id, kind: 'household', members: [{ displayName: text('ProtectedMember'), relationship: '3' }] });
  const [a, b] = [await must(responsabile, 'persons.get', { id: mergedAway.id }), await must(responsabile, 'persons.get', { id: survivor.id })];
  await must(responsabile, 'persons.merge', { survivorId: b.id, survivorVersion: b.version, mergedId: a.id, mergedVersion: a.version, reason: 'registrata due volte' });

  // Privacy notice with its signed form, consents given, refused and withdrawn.
  const privacy = await must(sportello, 'consents.record', {
    personId: ordinary.id,
    notice: { givenOn: today(), mode: 'in_person', signerKind: 'tutore', representative: { surname: text('Tutor'), name: 'Tutore', appointment: 'Tribunale' }, document: { filename: 'informativa.pdf', mediaType: 'application/pdf', contentBase64: markedPdf(text('NoticeFile')) } },
    consents: [{ type: 'centri_impiego', given: true, givenOn: today() }, { type: 'contatto_email', given: false, givenOn: today() }, { type: 'app_io', given: true, givenOn: today() }],
  });
  await must(sportello, 'consents.withdraw', { consentId: privacy.consents.find((c) => c.type === 'app_io')!.id, reason: 'non vuole più messaggi' });

  // The full scheda: every section, public and private notes, two service requests, one file removed.
  const full = await must(sportello, 'intakeRecords.create', {
    ...fullSections(ordinary.id),
    access: { ...fullSections(null).access, description: text('AccessDescription') },
    interlocutor: { type: 'relative', surname: text('Interlocutor'), name: 'Parente', fiscalCode: identity('Itl').fiscalCode, relationship: 'figlia', phone: '075 1234567' },
    references: [{ surname: text('Reference'), name: 'Riferimento', relationship: 'vicina', problemsDescription: text('ReferenceProblem') }],
    foreigner: { arrivalYear: 2015, arrivalChannel: 'sea', countryOfOrigin: '228', permitStatus: 'valid', permitNumber: text('Permit'), languageLevel: 'A2' },
    social: { ...fullSections(null).social, housingNotes: text('Housing'), incomeNotes: text('Income') },
    custom: { [customKey]: text('CustomValue') },
  });
  await must(responsabile, 'intakeRecords.update', { id: full.id, version: full.version, social: { ...fullSections(null).social, healthNotes: text('Health'), invalidityPercent: 67 } });
  await must(sportello, 'intakeNotes.create', { intakeId: full.id, text: text('PublicNote') });
  await must(sportello, 'intakeNotes.create', { intakeId: full.id, text: text('PrivateNote'), private: true });
  const file = (label: string) => ({ filename: `${label}.pdf`, mediaType: 'application/pdf', contentBase64: markedPdf(text(label)) });
  await must(sportello, 'serviceRequests.create', {
    intakeId: full.id, serviceCode: 'UDC79', notes: text('RequestNote'), attachments: [file('RequestFile'), { filename: 'foto.png', mediaType: 'image/png', contentBase64: b64(PNG_BYTES) }],
  });
  const sr2 = await must(sportello, 'serviceRequests.create', {
    intakeId: full.id, serviceCode: 'UDC79', notes: text('RequestNote2'), attachments: [file('RemovedFile')],
  });
  await must(sportello, 'serviceRequests.update', { id: sr2.id, version: sr2.version, status: 'in_progress', minutesWorked: 30, removeAttachmentIds: [sr2.attachments[0]!.id], addAttachments: [file('AddedFile')] });
  await must(sportello, 'intakeRecords.copy', { id: full.id });
  await must(sportello, 'intakeRecords.create', { ...fullSections(anonymous.id), needs: { codes: ['FIS01'], notes: text('AnonNeeds') } });
  const gone = await must(sportello, 'intakeRecords.create', { ...fullSections(survivor.id), needs: { codes: ['FIS01'], notes: text('DeletedNeeds') } });
  await must(sportello, 'intakeRecords.delete', { id: gone.id, version: gone.version, reason: 'scheda doppia' });

  // Transfers within the ente: pending, received, refused.
  const completed = async (personId: string, outcome?: 'take_charge_proposal') => {
    const s = await must(sportello, 'intakeRecords.create', { ...fullSections(personId, outcome), needs: { codes: ['FIS01'], notes: text('Needs') } });
    return must(sportello, 'intakeRecords.complete', { id: s.id, version: s.version });
  };
  const send = async (s: { id: string; version: number }) => must(sportello, 'intakeRecords.send', { id: s.id, version: s.version, destOfficeId: ssp, message: text('SendMessage') });
  await send(await completed(survivor.id));
  const toReceive = await send(await completed(ordinary.id));
  await must(assistente, 'intakeRecords.receive', { transferId: toReceive.id, version: toReceive.version });
  const toRefuse = await send(await completed(survivor.id));
  await must(assistente, 'intakeRecords.refuse', { transferId: toRefuse.id, version: toRefuse.version, reason: 'non di nostra competenza' });

  // Proposals to take charge: proposed, seen, rejected, accepted (accepting belongs to the case-file
  // issue: no action yet, so the state is written directly).
  const proposals: string[] = [];
  for (let i = 0; i < 4; i++) {
    const s = await completed(proposalP.id, 'take_charge_proposal');
    proposals.push((await db.selectFrom('take_charge_proposal').select('id').where('intake_id', '=', s.id).executeTakeFirstOrThrow()).id);
  }
  await must(assistente, 'proposals.markSeen', { id: proposals[1]!, version: 0 });
  await must(responsabile, 'proposals.reject', { id: proposals[2]!, version: 0, note: 'manca la documentazione' });
  await db.updateTable('take_charge_proposal').set({ status: 'accepted', decided_at: new Date(), version: 1 }).where('id', '=', proposals[3]!).execute();

  // The social worker's scheda at the desk that excludes the third sector, granted to the third sector
  // anyway (the exclusion must win), with a private note and a request with a file.
  const wrkIntake = await must(assistente, 'intakeRecords.create', { ...fullSections(workerP.id), needs: { codes: ['FIS01'], notes: text('WorkerNeeds') } });
  await must(assistente, 'intakeNotes.create', { intakeId: wrkIntake.id, text: text('WorkerPrivateNote'), private: true });
  await must(assistente, 'serviceRequests.create', { intakeId: wrkIntake.id, serviceCode: 'UDC79', notes: text('WorkerRequest'), attachments: [file('ExcludedFile')] });
  const terzoOp = await placementOf(db, 'terzosettore');
  await must(assistente, 'grants.create', { recordKind: 'intakeRecord', recordId: wrkIntake.id, subjectKind: 'operator', subjectId: terzoOp.operatorId, purpose: 'collaborazione con la cooperativa', validFrom: today() });

  // A scheda shared with the social worker of Umbertide, hiding what the sector head's office wrote.
  const shared = await must(sportello, 'intakeRecords.create', fullSections(sharedP.id));
  const sharedNote = text('SharedVisibleNote');
  await must(sportello, 'intakeNotes.create', { intakeId: shared.id, text: sharedNote });
  await must(responsabile, 'intakeNotes.create', { intakeId: shared.id, text: text('HiddenOfficeNote') });
  await must(responsabile, 'serviceRequests.create', { intakeId: shared.id, serviceCode: 'UDC79', notes: text('HiddenOfficeRequest'), attachments: [file('HiddenOfficeFile')] });
  const grantee = await placementOf(db, 'assistenteB');
  await must(responsabile, 'grants.create', { recordKind: 'intakeRecord', recordId: shared.id, subjectKind: 'operator', subjectId: grantee.operatorId, purpose: 'valutazione congiunta', validFrom: today(), hideInfoFrom: ssp });

  // Grants inside the ente and break-the-glass.
  await must(responsabile, 'grants.create', { recordKind: 'person', recordId: ordinary.id, subjectKind: 'operator', subjectId: (await placementOf(db, 'assistente')).operatorId, purpose: 'presa in carico', validFrom: today() });
  await must(responsabile, 'grants.create', { recordKind: 'protectedPerson', recordId: protectedP.id, subjectKind: 'office', subjectId: at.officeId, purpose: 'tutela della persona', validFrom: today() });
  await must(responsabile, 'breakGlass.open', { recordKind: 'person', recordId: ordinary.id, classes: ['reserved'], reason: 'Ricovero urgente: serve il medico curante subito.', minutes: 240 });
  await must(responsabile, 'breakGlass.open', { recordKind: 'intakeRecord', recordId: full.id, classes: ['reserved'], reason: 'Ricovero urgente: servono le note sanitarie.', minutes: 240 });

  return collectOwners(db, {
    enteId: at.enteId, ambitoId: at.ambitoId!, deskOfficeId: at.officeId, sspOfficeId: ssp, thirdSectorOfficeId: terzo,
    names,
    shared: { intakeId: shared.id, personId: sharedP.id, granteeUsername: 'assistenteB', visibleNote: sharedNote },
    clients: { sportello, assistente, responsabile },
    adminOperatorId: (await placementOf(db, 'admin')).operatorId,
  });
}
