import crypto from 'node:crypto';
import type { ActionName, IntakeSectionsInput } from '@siso/shared';
import type { InputOf, OutputOf, TestApp, TestClient } from '../../testing/test-app.js';
import type { MatrixFixture, Persona, Relation } from './types.js';
import { todayInRome } from '../../documents/rome-time.js';

/**
 * Targets of the intake desk's matrix rows (issue 5), made through the real API by the operator who
 * owns them, placed relative to the acting persona like the runner's fixture records:
 *  - sameOffice: written by the persona itself in its own office;
 *  - sameEnte: written by a colleague in another office of the persona's ente (the social worker for
 *    the desk operator, the desk operator for everyone else);
 *  - otherEnte: written by the social worker of Umbertide (same ambito);
 *  - otherAmbito: written by the social worker of Perugia (ambito 2).
 * Personas that may not write schede (administrators, DPO, regional analyst) are refused by policy
 * before any lookup: their target is the desk operator's in the same relation.
 */
const writers = new Set<Persona>(['sportello', 'assistente', 'responsabile', 'terzosettore']);
const deskPersonas = new Set<Persona>(['sportello', 'assistente', 'responsabile']);

const clients = new WeakMap<TestApp, Map<string, TestClient>>();

/** A logged-in client of a demo persona (suffixed ones included), one per test app. */
export async function clientOf(f: MatrixFixture, username: string): Promise<TestClient> {
  let byName = clients.get(f.app);
  if (!byName) clients.set(f.app, (byName = new Map()));
  let c = byName.get(username);
  if (!c) byName.set(username, (c = await f.app.as(username)));
  return c;
}

/** The operator (demo username) who writes the target of `relation` for `persona`. */
export function ownerOf(persona: Persona, relation: Relation): string {
  const p = writers.has(persona) ? persona : 'sportello';
  if (relation === 'sameOffice') return p;
  if (relation === 'sameEnte') return p === 'sportello' ? 'assistente' : 'sportello';
  return relation === 'otherEnte' ? 'assistenteB' : 'assistente2';
}

/** Calls an action that must succeed to build a fixture; a failure names the step. */
export async function must<N extends ActionName>(client: TestClient, action: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const res = await client.call(action, input);
  if (res.status !== 200) throw new Error(`fixture ${action}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A person registered by `username` in their own office (so within their scope, whatever it is). */
export async function personOf(f: MatrixFixture, username: string): Promise<string> {
  const at = await f.placement(username);
  const id = crypto.randomUUID();
  await f.db
    .insertInto('person')
    .values({ id, ambito_id: at.ambitoId!, ente_id: at.enteId, office_id: at.officeId, created_by: at.operatorId, surname: 'Matrice', name: 'Utente', surname_norm: 'matrice', name_norm: 'utente' })
    .execute();
  return id;
}

/** Every mandatory section of a general desk filled (access, interlocutor, user, outcome) and more. */
export function fullSections(personId: string | null, outcome: 'information' | 'take_charge_proposal' = 'information'): IntakeSectionsInput {
  return {
    access: { date: todayInRome(), mode: 'in_person', reason: 'spontaneous', accompanied: false, userPresence: 'present', description: 'Accesso di prova della matrice' },
    interlocutor: { type: 'user' },
    personId,
    social: { workCondition: 'OCD', education: 'MED', housing: 'AFF', household: 'Vive con il coniuge' },
    needs: { codes: ['FIS02', 'SIC01'], notes: 'Bisogni di prova' },
    services: { requested: ['UDC79'] },
    outcome: { type: outcome, socialCategory: 'adulti', note: 'Esito di prova' },
  };
}

interface Created {
  id: string;
  version: number;
}

/** A scheda (all sections filled, still incomplete) written by `username`. */
export async function intakeBy(f: MatrixFixture, username: string, outcome?: 'information' | 'take_charge_proposal'): Promise<Created> {
  const c = await clientOf(f, username);
  return must(c, 'intakeRecords.create', fullSections(await personOf(f, username), outcome));
}

/** The scheda the persona acts on in `relation`. */
export async function intakeFixture(f: MatrixFixture, persona: Persona, relation: Relation): Promise<Created> {
  return intakeBy(f, ownerOf(persona, relation));
}

/** As intakeFixture, completed by its owner. */
export async function completedIntakeFixture(f: MatrixFixture, persona: Persona, relation: Relation): Promise<Created> {
  const owner = ownerOf(persona, relation);
  const s = await intakeBy(f, owner);
  return must(await clientOf(f, owner), 'intakeRecords.complete', { id: s.id, version: s.version });
}

/** A service request (with one PDF attachment) on the persona's scheda in `relation`, by its owner. */
export async function serviceRequestFixture(f: MatrixFixture, persona: Persona, relation: Relation): Promise<{ id: string; version: number; attachments: Array<{ id: string }> }> {
  const owner = ownerOf(persona, relation);
  const s = await intakeBy(f, owner);
  return must(await clientOf(f, owner), 'serviceRequests.create', {
    intakeId: s.id,
    serviceCode: 'UDC79',
    notes: 'Richiesta di prova',
    attachments: [{ filename: 'documento.pdf', mediaType: 'application/pdf', contentBase64: TINY_PDF }],
  });
}

/**
 * The desk a relation points at: the persona's own office, the other desk of its ente (the social
 * service for the desk operator, the desk for everyone else), the sportello of Umbertide, of Perugia.
 */
export async function deskOfficeFor(f: MatrixFixture, persona: Persona, relation: Relation): Promise<string> {
  // Third-sector offices are not desks (they neither send nor receive): like the other personas the
  // policy refuses, the third sector is pointed at the desk operator's desks.
  const me = await f.placement(deskPersonas.has(persona) ? persona : 'sportello');
  if (relation === 'sameOffice') return me.officeId;
  if (relation === 'sameEnte') {
    const mine = await f.db.selectFrom('office').select('type').where('id', '=', me.officeId).executeTakeFirstOrThrow();
    const type = mine.type === 'sportello_accoglienza' ? 'servizio_sociale_professionale' : 'sportello_accoglienza';
    return (await f.db.selectFrom('office').select('id').where('ente_id', '=', me.enteId).where('type', '=', type).executeTakeFirstOrThrow()).id;
  }
  return (await f.officeOf(relation === 'otherEnte' ? 'assistenteB' : 'assistente2', 'sportello_accoglienza')).officeId;
}

/**
 * A scheda sent TO the desk of `relation` (receive and refuse act on the destination side): written and
 * completed by a social worker of an ente other than the destination's, then sent.
 */
export async function transferFixture(f: MatrixFixture, persona: Persona, relation: Relation): Promise<{ id: string; version: number }> {
  const destOfficeId = await deskOfficeFor(f, persona, relation);
  const sender = relation === 'otherAmbito' ? 'assistenteB' : 'assistente2';
  const c = await clientOf(f, sender);
  const s = await intakeBy(f, sender);
  const done = await must(c, 'intakeRecords.complete', { id: s.id, version: s.version });
  return must(c, 'intakeRecords.send', { id: done.id, version: done.version, destOfficeId, message: 'Invio di prova' });
}

/**
 * A proposal to take charge addressed to the ente of `relation` (the persona's own ente for sameOffice
 * and sameEnte): a scheda with outcome "proposta di presa in carico" completed by its owner.
 */
export async function proposalFixture(f: MatrixFixture, persona: Persona, relation: Relation): Promise<{ id: string; version: number }> {
  const owner = ownerOf(persona, relation);
  const c = await clientOf(f, owner);
  const s = await intakeBy(f, owner, 'take_charge_proposal');
  await must(c, 'intakeRecords.complete', { id: s.id, version: s.version });
  const row = await f.db.selectFrom('take_charge_proposal').select(['id', 'version']).where('intake_id', '=', s.id).executeTakeFirstOrThrow();
  return { id: row.id, version: row.version };
}

/** The smallest well-formed PDF (header, one empty page, xref, trailer): passes a type-and-content check. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n' +
    'xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n' +
    'trailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n',
).toString('base64');
