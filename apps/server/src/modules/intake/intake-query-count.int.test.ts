import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createPerson } from '../../testing/persons.js';
import { placementOf } from '../../testing/placement.js';
import { todayInRome } from '../persons/validate-person.js';

/**
 * Round trips to the database per request (issue 10, "Benchmark": intakeRecords.create ≤ 8 and
 * intakeRecords.get ≤ 6, configuration read once per request). Counted at the driver: every statement
 * a request sends — BEGIN, the action's queries, the audit row, COMMIT — but the session lookup (the
 * authentication step, cached in memory in production: SISO_SESSION_CACHE_SECONDS; off in tests) and
 * the background audit sealer's own transactions, which belong to no request.
 */
let t: TestApp;
let sportello: TestClient;
let personId: string;
let contactPointId: string;

type Statement = { client: pg.Client; text: string };
let recording: Statement[] | null = null;
const original = pg.Client.prototype.query;

function textOf(q: unknown): string {
  return typeof q === 'string' ? q : ((q as { text?: string } | null)?.text ?? '');
}

/**
 * The statements of a request, without the session lookup and the sealer's transactions (which may
 * have begun before the recording: its advisory lock marks its connection until its COMMIT).
 */
function requestStatements(all: Statement[]): string[] {
  const out: Array<{ client: pg.Client; text: string }> = [];
  const sealing = new Set<pg.Client>();
  for (const s of all) {
    if (/FROM session s JOIN operator o/.test(s.text)) continue;
    if (/pg_try_advisory_xact_lock/.test(s.text)) {
      sealing.add(s.client);
      // Its BEGIN, if it was recorded, is the sealer's too.
      const begin = out.findLastIndex((x) => x.client === s.client && /^\s*begin/i.test(x.text));
      if (begin >= 0) out.splice(begin, 1);
      continue;
    }
    if (sealing.has(s.client)) {
      if (/^\s*(commit|rollback)/i.test(s.text)) sealing.delete(s.client);
      continue;
    }
    out.push(s);
  }
  return out.map((s) => s.text);
}

async function counted(run: () => Promise<{ status: number; body: unknown }>): Promise<string[]> {
  recording = [];
  const r = await run();
  const all = recording;
  recording = null;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return requestStatements(all);
}

beforeAll(async () => {
  t = await createTestApp();
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    recording?.push({ client: this, text: textOf(args[0]) });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  sportello = await t.as('sportello');
  const p = await createPerson(sportello, { surname: 'Conteggi', name: 'Anna' });
  personId = p.body.id;
  const place = await placementOf(t.database.db, 'sportello');
  contactPointId = (await t.database.db.selectFrom('contact_point').select('id').where('office_id', '=', place.officeId).executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  pg.Client.prototype.query = original;
  await t?.close();
});

/** A scheda with every section a desk operator writes (the bench's "full scheda"). */
function fullScheda(): Record<string, unknown> {
  const today = todayInRome();
  return {
    access: { date: today, mode: 'in_person', reason: 'spontaneous', contactPointId, description: 'Colloquio per il contributo affitto' },
    interlocutor: { type: 'relative', surname: 'Bianchi', name: 'Laura', relationship: 'figlia', mobile: '333 1234567' },
    personId,
    references: [{ surname: 'Verdi', name: 'Paolo', relationship: 'fratello', problems: false }],
    social: { household: 'Nucleo di 4 persone', workCondition: 'DIS', education: 'DIP', housing: 'AFF' },
    needs: { codes: ['FIS02', 'SIC01'], notes: 'Rischio di perdita dell’abitazione' },
    services: { requested: ['UDC79', 'UDC80'], deskInterventions: [{ type: 'information', date: today, note: 'Contributo affitto' }] },
    outcome: { type: 'oriented', socialCategory: 'poverta', note: 'Ricontattare tra un mese' },
  };
}

describe('queries per request (issue 10, Benchmark)', () => {
  it('intakeRecords.create of a full scheda: at most 8, the desk configuration read once', async () => {
    const statements = await counted(() => sportello.call('intakeRecords.create', fullScheda()));
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(8);
    expect(statements.filter((s) => /to_json\(dc\) FROM desk_config/.test(s)), statements.join('\n')).toHaveLength(1);
    expect(statements.filter((s) => /FROM field_definition/.test(s))).toHaveLength(1);
  });

  it('intakeRecords.get of a scheda with notes, a service request and a send: at most 6', async () => {
    const created = await sportello.call('intakeRecords.create', fullScheda());
    const id = (created.body as { id: string }).id;
    expect((await sportello.call('intakeNotes.create', { intakeId: id, text: 'Telefonata della figlia', private: false })).status).toBe(200);
    expect((await sportello.call('serviceRequests.create', { intakeId: id, serviceCode: 'UDC80', status: 'open', minutesWorked: 10, notes: 'Domanda' })).status).toBe(200);
    const statements = await counted(() => sportello.call('intakeRecords.get', { id }));
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(6);
    const view = (await sportello.call('intakeRecords.get', { id })).body as { notes: unknown[]; serviceRequests: unknown[]; person: unknown };
    // The one query brought everything the view shows.
    expect(view.notes).toHaveLength(1);
    expect(view.serviceRequests).toHaveLength(1);
    expect(view.person).not.toBeNull();
  });
});
