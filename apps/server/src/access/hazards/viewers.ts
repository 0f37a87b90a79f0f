import crypto from 'node:crypto';
import type { TestApp, TestClient } from '../../testing/test-app.js';
import { issueSearchToken } from '../../modules/persons/search-token.js';
import type { Attacker } from '../cross-tenant/template-context.js';

/**
 * A demo persona logged in once per test app, used both to write a hazard's rows (the owners) and to
 * read them back through every read action (the viewers). Its `attacker` is the cross-tenant
 * templates' view of it; it writes no records of its own (the `own` ids exist nowhere), so the
 * viewer's counters move only with the hazards.
 */
export interface Viewer {
  username: string;
  client: TestClient;
  attacker: Attacker;
  permissions: Set<string>;
  /** Reads the audit log of its ambito (the DPO): ids of records appear there by design. */
  auditReader: boolean;
  /** Secret values this viewer has put in a request so far (the audit shows a reader its own requests). */
  sent: Set<string>;
}

const byApp = new WeakMap<TestApp, Map<string, Promise<Viewer>>>();

async function login(t: TestApp, username: string): Promise<Viewer> {
  const client = await t.as(username);
  const me = await client.call('auth.me', {});
  if (me.status !== 200 || !me.body.context) throw new Error(`${username}: no context after login (${me.status})`);
  const ctx = me.body.context;
  const operatorId = (await t.database.db.selectFrom('operator').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const desk = await t.database.db.selectFrom('office').select('id').where('ente_id', '=', ctx.enteId).where('type', '=', 'sportello_accoglienza').executeTakeFirst();
  const permissions = new Set(me.body.permissions);
  const attacker: Attacker = {
    username, operatorId, ambitoId: ctx.ambitoId, enteId: ctx.enteId, officeId: ctx.officeId, deskOfficeId: desk?.id ?? ctx.officeId,
    own: { personId: crypto.randomUUID(), personVersion: 0, intakeId: crypto.randomUUID(), intakeVersion: 0, serviceRequestId: crypto.randomUUID(), serviceRequestVersion: 0 },
    searchToken: issueSearchToken(t.app.services.config, operatorId),
  };
  return { username, client, attacker, permissions, auditReader: permissions.has('audit.find'), sent: new Set() };
}

/** The persona's one session in this test app (logged in on first use). */
export function viewerOf(t: TestApp, username: string): Promise<Viewer> {
  let m = byApp.get(t);
  if (!m) byApp.set(t, (m = new Map()));
  let v = m.get(username);
  if (!v) m.set(username, (v = login(t, username)));
  return v;
}
