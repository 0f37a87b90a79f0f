import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts } from '@siso/shared';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { demoAmbiti, personas } from '../../seed/demo-organisation.js';
import { attack, describeFinding, operationsOf, sentOperations, type Operation } from './attack.js';
import { attackerNames, loginAttacker, type AttackerSession } from './attackers.js';
import type { Owners } from './owner-ids.js';
import { buildOwners } from './owners.js';
import { answerText, secretsIn } from './leaks.js';
import { apiDiff, apiSnapshot, dbSnapshot, snapshotDiff } from './snapshot.js';
import { templates } from './templates.js';
import { todayInRome } from '../../documents/rome-time.js';

/**
 * Cross-tenant leak suite driven by the OpenAPI document (issue 10, item 9; docs/testing.md).
 * The owners (desk, social worker, sector head of Città di Castello) write a record of every kind;
 * every persona of another ente, of another ambito and of the third sector then calls every operation
 * of the document with the owners' ids in schema-valid bodies. Every answer, whatever its status, is
 * searched for the owners' ids, names, codes and texts; the owners' rows in the database and their own
 * re-reading through the API must not change.
 */
let t: TestApp;
let owners: Owners;
let ops: Operation[];
const sessions = new Map<string, AttackerSession>();
let dbBefore: Map<string, string>;
let apiBefore: Map<string, string>;
let requests = 0;
const started = Date.now();
const today = todayInRome();

/** The attackers, from the seed: every persona outside Città di Castello, and its cooperative. */
const castello = demoAmbiti[0]!.comuni[0]!;
const expectedAttackers = demoAmbiti
  .flatMap((a) => a.comuni)
  .filter((c) => c.personaSuffix !== null)
  .flatMap((c) => personas.filter((p) => c !== castello || p.office === 'regione' || p.office === 'terzo_settore').map((p) => `${p.code}${c.personaSuffix}`))
  .sort();

beforeAll(async () => {
  t = await createTestApp();
  owners = await buildOwners(t);
  const doc = await t.app.server.inject({ method: 'GET', url: '/api/openapi.json' });
  ops = operationsOf(doc.json());
  for (const name of await attackerNames(t, owners)) sessions.set(name, await loginAttacker(t, owners, name));
  dbBefore = await dbSnapshot(t.database.db, owners);
  apiBefore = await apiSnapshot(owners);
}, 300_000);

afterAll(async () => {
  console.log(`cross-tenant: ${requests} attack requests by ${sessions.size} personas over ${ops?.length ?? 0} operations, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await t?.close();
});

describe('cross-tenant leak suite (OpenAPI-driven)', () => {
  it('every operation of the OpenAPI document has a body template, and every template an operation', () => {
    const actions = new Set(ops.filter((o) => o.action).map((o) => o.action!));
    expect(actions.size).toBeGreaterThan(80);
    const missing = [...actions].filter((a) => !templates[a]).sort();
    const orphans = Object.keys(templates).filter((a) => !actions.has(a)).sort();
    expect({ missing, orphans }).toEqual({ missing: [], orphans: [] });
    for (const o of ops.filter((x) => x.action)) expect(o.operationId).toBe(o.method === 'GET' ? `${o.action}.get` : o.action);
  });

  it('every body of every template is a valid input of its contract, for every attacker', () => {
    const invalid: string[] = [];
    for (const s of sessions.values()) {
      for (const [action, template] of Object.entries(templates)) {
        const contract = (contracts as Record<string, { input: { safeParse(v: unknown): { success: boolean; error?: unknown } } }>)[action];
        const inputs = template({ o: owners, a: s.attacker, today });
        if (!contract || inputs.length === 0) invalid.push(`${action}: ${contract ? 'no body' : 'no contract'}`);
        for (const input of inputs) {
          const r = contract?.input.safeParse(input);
          if (r && !r.success) invalid.push(`${action} (${s.attacker.username}): ${JSON.stringify(r.error).slice(0, 300)}`);
        }
      }
    }
    expect(invalid).toEqual([]);
  });

  it('attacks with every persona of another ente, another ambito and the third sector', () => {
    expect([...sessions.keys()].sort()).toEqual(expectedAttackers);
    expect(expectedAttackers).toEqual(expect.arrayContaining(['sportelloB', 'assistente2', 'terzosettore', 'terzosettoreB', 'dpoB', 'regione']));
  });

  it('finds the owners\' secrets where the owners may read them: JSON, PDF prints, XLSX exports, base64 files', async () => {
    const r = owners.clients.responsabile;
    const found = new Set<string>();
    const look = async (action: string, input: unknown, removed = false) => {
      const res = await r.callRaw(action, input);
      if (!removed) expect(res.status, `${action} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
      secretsIn(await answerText(res.body, res.headers), owners.secrets, '', new Set()).forEach((x) => found.add(x.what));
    };
    await look('intakeRecords.get', { id: owners.intakes[0]!.id });
    expect([...found]).toEqual(expect.arrayContaining(['Health', 'CustomValue', 'PrivateNote', 'Interlocutor', 'Reference', 'Permit', 'RequestNote']));
    found.clear();
    await look('intakeRecords.print', { id: owners.intakes[0]!.id });
    expect(found).toContain('Health'); // drawn in the PDF, not in its bytes
    found.clear();
    await look('intakeRecords.export', { allOffices: true });
    expect(found).toContain('surname'); // a cell of the workbook
    found.clear();
    for (const id of owners.attachments) await look('attachments.get', { id }, true); // one was removed: 404
    expect(found).toContain('RequestFile'); // the marker inside a base64 file
  });

  for (const name of expectedAttackers) {
    it(`${name}: no answer carries the owners' data, nothing of theirs is written`, async () => {
      const s = sessions.get(name);
      expect(s, `${name} is not a demo persona any more`).toBeDefined();
      const result = await attack(s!, owners, ops, templates, today);
      requests += result.requests;
      const after = await dbSnapshot(t.database.db, owners);
      // A record visible to the grantee may be shared on and broken the glass on by it (grants.create,
      // breakGlass.open: "a record visible to the granter"); nothing else of it may be written.
      const byDesign = (table: string, row: Record<string, unknown>) =>
        name === owners.shared.granteeUsername && ['access_grant', 'break_glass'].includes(table) && row.record_id === owners.shared.intakeId;
      const writes = snapshotDiff(dbBefore, after, byDesign).map((w) => `${name} wrote: ${w}`);
      dbBefore = after; // the next attacker is judged on its own writes
      expect([...result.findings.map(describeFinding), ...writes]).toEqual([]);
    }, 180_000);
  }

  it('every operation of the document was sent by at least one attacker', () => {
    const notSent = ops.map((o) => `${o.method} ${o.action ?? o.path}`).filter((k) => !sentOperations.has(k));
    expect(notSent).toEqual([]);
  });

  it('the limited preview, the one exemption, was met and kept to its fields', () => {
    const registrars = [...sessions.values()].filter((s) => s.previewAllowed);
    expect(registrars.map((s) => s.attacker.username).sort()).toEqual(['assistenteB', 'responsabileB', 'sportelloB']);
    for (const s of registrars) expect(s.previews, `${s.attacker.username} got no limited preview`).toBeGreaterThan(0);
  });

  it('the owners re-read every record, with its notes, requests, files, consents and history, unchanged', async () => {
    expect(apiDiff(apiBefore, await apiSnapshot(owners))).toEqual([]);
  }, 120_000);
});
