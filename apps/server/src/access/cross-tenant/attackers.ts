import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { TestApp, TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { b64, PDF_BYTES } from '../../testing/attachment-fixtures.js';
import { issueSearchToken } from '../../modules/persons/search-token.js';
import type { Owners } from './owner-ids.js';
import type { Attacker } from './template-context.js';

/**
 * The attackers: every demo persona working outside the owners' ente — another ente of the same
 * ambito, another ambito, the region's offices — and every third-sector office, the owners' own ente's
 * cooperative included. Read from the seeded database, so a new persona joins by itself.
 */
export interface AttackerSession {
  attacker: Attacker;
  client: TestClient;
  permissions: Set<string>;
  /** Same ambito as the owners and allowed to register people: gets the limited preview. */
  previewAllowed: boolean;
  /** Reads the audit of the owners' ambito (the DPO): gets the owners' ids, never their names. */
  auditReader: boolean;
  /** The owners' values this attacker has put in a request so far (the audit shows them back). */
  sent: Set<string>;
  /** Limited-preview items this attacker received and the check accepted (persons.find). */
  previews: number;
}

export async function attackerNames(t: TestApp, o: Owners): Promise<string[]> {
  const r = await sql<{ username: string }>`
    SELECT op.username FROM operator op
      JOIN assignment a ON a.operator_id = op.id
      JOIN office f ON f.id = a.office_id
     WHERE a.ente_id <> ${o.enteId} OR f.type = 'terzo_settore'
     ORDER BY op.username`.execute(t.database.db);
  return [...new Set(r.rows.map((x) => x.username))];
}

const fake = () => ({ personId: crypto.randomUUID(), personVersion: 0, intakeId: crypto.randomUUID(), intakeVersion: 0, serviceRequestId: crypto.randomUUID(), serviceRequestVersion: 0 });

/** A name one letter away from `v`: similar enough to pair as a likely duplicate, never equal to a secret. */
const nearly = (v: string) => `${v.slice(0, -1)}${v.endsWith('z') ? 'y' : 'z'}`;

/**
 * The attacker's own person, scheda and service request, written through the API when its profile
 * may. The person is a near-duplicate of the owners' first person (same birth date, names one letter
 * off), so duplicate detection and search have a pair across the tenant boundary to give away.
 */
async function ownRecords(client: TestClient, permissions: Set<string>, o: Owners): Promise<Attacker['own']> {
  const own = fake();
  const twin = o.persons[0]!;
  if (permissions.has('persons.create')) {
    const p = await createPerson(client, { surname: nearly(twin.surname!), name: nearly(twin.name!), birthDate: twin.birthDate!, sex: 'F' });
    if (p.status !== 200) throw new Error(`attacker's person: ${p.status} ${JSON.stringify(p.body)}`);
    Object.assign(own, { personId: p.body.id, personVersion: p.body.version });
  }
  if (permissions.has('intakeRecords.create')) {
    const s = await client.call('intakeRecords.create', {
      access: { mode: 'in_person', reason: 'spontaneous' }, interlocutor: { type: 'user' }, personId: permissions.has('persons.create') ? own.personId : null,
    });
    if (s.status === 200) {
      Object.assign(own, { intakeId: s.body.id, intakeVersion: s.body.version });
      const r = await client.call('serviceRequests.create', {
        intakeId: s.body.id, serviceCode: 'UDC79', attachments: [{ filename: 'mio.pdf', mediaType: 'application/pdf', contentBase64: b64(PDF_BYTES) }],
      });
      if (r.status === 200) Object.assign(own, { serviceRequestId: r.body.id, serviceRequestVersion: r.body.version });
    }
  }
  return own;
}

export async function loginAttacker(t: TestApp, o: Owners, username: string): Promise<AttackerSession> {
  const db = t.database.db;
  const client = await t.as(username);
  const me = await client.call('auth.me', {});
  if (me.status !== 200 || !me.body.context) throw new Error(`${username}: no context after login (${me.status})`);
  const permissions = new Set(me.body.permissions);
  const ctx = me.body.context;
  const operatorId = (await db.selectFrom('operator').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const desk = await db.selectFrom('office').select('id').where('ente_id', '=', ctx.enteId).where('type', '=', 'sportello_accoglienza').executeTakeFirst();
  const attacker: Attacker = {
    username, operatorId, ambitoId: ctx.ambitoId, enteId: ctx.enteId, officeId: ctx.officeId, deskOfficeId: desk?.id ?? ctx.officeId,
    own: await ownRecords(client, permissions, o),
    searchToken: issueSearchToken(t.app.services.config, operatorId),
  };
  const sameAmbito = ctx.ambitoId === o.ambitoId;
  return { attacker, client, permissions, previewAllowed: sameAmbito && permissions.has('persons.create'), auditReader: sameAmbito && permissions.has('audit.find'), sent: new Set(), previews: 0 };
}
