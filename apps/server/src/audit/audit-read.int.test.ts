import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

let t: TestApp;
let dpo: TestClient;
const person = crypto.randomUUID();
const record = crypto.randomUUID();
let assistente: { id: string; ambito: string };

async function placement(username: string) {
  return t.database.db
    .selectFrom('assignment')
    .innerJoin('operator', 'operator.id', 'assignment.operator_id')
    .select(['operator.id', 'assignment.ambito_id'])
    .where('operator.username', '=', username)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await placement('assistente');
  assistente = { id: a.id, ambito: a.ambito_id! };
  const c = await t.as('assistente');
  await c.call('alerts.markRead', { all: true });
  expect((await c.call('system.get')).status).toBe(403);
  // Rows an upcoming module would write: a read of a person's file and a change with a hostile purpose.
  const base = { chain_key: assistente.ambito, ambito_id: assistente.ambito, operator_id: assistente.id, request_id: 'req-test', client_ip: '127.0.0.1' };
  await t.database.db
    .insertInto('audit_event')
    .values([
      { ...base, action: 'people.get', outcome: 'ok', subject_people: [person], targets: JSON.stringify([{ kind: 'person', id: record }]), classes_read: ['personal'] },
      { ...base, action: 'people.update', outcome: 'ok', subject_people: [person], targets: JSON.stringify([{ kind: 'person', id: record }]), purpose: '=HYPERLINK("http://x");"a"' },
    ])
    .execute();
  dpo = await t.as('dpo');
});
afterAll(async () => t?.close());

describe('audit.find (DPO of the ambito)', () => {
  it('filters by person, record, action prefix, operator, outcome and period', async () => {
    const byPerson = await dpo.call('audit.find', { person, action: 'people.' });
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.items.map((i: { action: string }) => i.action)).toEqual(['people.update', 'people.get']);
    expect(byPerson.body.items[1]).toMatchObject({ operator: { id: assistente.id, username: 'assistente' }, subjects: [person], classesRead: ['personal'], sealed: expect.any(Boolean) });

    const byRecord = await dpo.call('audit.find', { recordKind: 'person', recordId: record });
    expect(byRecord.body.items).toHaveLength(2);
    expect((await dpo.call('audit.find', { recordKind: 'case', recordId: record })).body.items).toHaveLength(0);
    expect((await dpo.call('audit.find', { recordId: record })).body.items).toHaveLength(2);
    const byKind = await dpo.call('audit.find', { recordKind: 'person', action: 'people.' });
    expect(byKind.body.items.map((i: { action: string }) => i.action)).toEqual(['people.update', 'people.get']);

    const prefix = await dpo.call('audit.find', { action: 'alerts.', operator: 'assistente' });
    expect(prefix.body.items.length).toBeGreaterThanOrEqual(1);
    expect(prefix.body.items.every((i: { action: string }) => i.action.startsWith('alerts.'))).toBe(true);
    const byId = await dpo.call('audit.find', { action: 'alerts.markRead', operator: assistente.id });
    expect(byId.body.items.length).toBe(prefix.body.items.length);
    expect((await dpo.call('audit.find', { action: 'alerts.', operator: 'Assistente' })).body.items.length).toBe(prefix.body.items.length);
    expect((await dpo.call('audit.find', { operator: 'nessuno' })).body.items).toHaveLength(0);

    const denied = await dpo.call('audit.find', { outcome: 'denied', operator: 'assistente' });
    expect(denied.body.items[0]).toMatchObject({ action: 'system.get', errorCode: 'forbidden' });

    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome' }).format(new Date());
    const tomorrow = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome' }).format(new Date(Date.now() + 86_400_000));
    expect((await dpo.call('audit.find', { person, action: 'people.', from: today, to: today })).body.items).toHaveLength(2);
    expect((await dpo.call('audit.find', { person, from: tomorrow })).body.items).toHaveLength(0);
    expect((await dpo.call('audit.find', { action: 'bad action!' })).status).toBe(400);
  });

  it('pages with a keyset cursor, newest first', async () => {
    const first = await dpo.call('audit.find', { person, action: 'people.', limit: 1 });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await dpo.call('audit.find', { person, action: 'people.', limit: 1, cursor: first.body.nextCursor! });
    expect(second.body.items[0]!.seq).toBeLessThan(first.body.items[0]!.seq);
    expect(second.body.nextCursor).toBeNull();
  });

  it('never shows installation-chain rows (logins) to an ambito DPO', async () => {
    const logins = await dpo.call('audit.find', { action: 'auth.login' });
    expect(logins.body.items).toHaveLength(0);
  });

  it('leaves a trace of every read of the audit', async () => {
    await dpo.call('audit.find', { person, limit: 5 });
    const row = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'targets', 'subject_people', 'details'])
      .where('action', '=', 'audit.find')
      .where(sql<boolean>`subject_people @> ARRAY[${person}]::uuid[]`)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.targets).toEqual([{ kind: 'auditQuery', id: expect.any(String) }]);
    expect(row.details).toMatchObject({ filters: { person }, returned: expect.any(Number) });
  });

  it('the DPO of another ambito sees none of these rows', async () => {
    const dpo2 = await t.as('dpo2');
    expect((await dpo2.call('audit.find', { person })).body.items).toHaveLength(0);
    const all = await dpo2.call('audit.find', { limit: 200 });
    expect(all.status).toBe(200);
    expect(all.body.items.some((i: { operator: { username: string } | null }) => i.operator?.username === 'assistente')).toBe(false);
  });

  it('administrators may not read nor export the audit', async () => {
    for (const u of ['admin', 'sysadmin']) {
      const c = await t.as(u);
      expect((await c.call('audit.find', {})).status).toBe(403);
      expect((await c.call('audit.export', {})).status).toBe(403);
      expect((await c.call('audit.verify', {})).status).toBe(403);
    }
  });
});

describe('audit.export', () => {
  it('returns a CSV for Italian Excel: BOM, semicolons, RFC 4180 quoting, no formulas', async () => {
    const res = await dpo.call('audit.export', { person, action: 'people.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 2, truncated: false, filename: expect.stringMatching(/^audit-\d{4}-\d{2}-\d{2}\.csv$/) });
    const csv: string = res.body.csv;
    expect(csv.startsWith('\uFEFFseq;data_ora;azione;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, trailing empty
    expect(lines[1]).toContain(';people.update;ok;;');
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://x"");""a""";`);
    expect(lines[2]).toContain(`;${person};person:${record};personal;`);
    const traced = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'audit.export').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(traced.details).toMatchObject({ rows: 2, filters: { person } });
  });
});
