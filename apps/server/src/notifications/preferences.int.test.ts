import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../db/transaction.js';
import { addOperator } from '../testing/add-operator.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { notify } from './notify.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function placement(username: string) {
  return t.database.db
    .selectFrom('assignment')
    .innerJoin('operator', 'operator.id', 'assignment.operator_id')
    .select(['operator.id as operatorId', 'assignment.ente_id', 'assignment.ambito_id'])
    .where('operator.username', '=', username)
    .executeTakeFirstOrThrow();
}

async function notifyJobFailed(username: string) {
  const p = await placement(username);
  const [delivery] = await withTransaction(t.database.db, (tx) =>
    notify(tx, [p.operatorId], { ambitoId: p.ambito_id, enteId: p.ente_id, type: 'job.failed', title: 'Job «prova» non riuscito', publicUrl: 'http://siso.test' }),
  );
  return { alertId: delivery!.alertId, emailId: delivery!.emailId };
}

describe('alert preferences', () => {
  it('start from the defaults of each alert type', async () => {
    const c = await t.as('assistente');
    const res = await c.call('alerts.getPreferences', {}, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { type: 'job.failed', inApp: true, email: true },
        { type: 'job.succeeded', inApp: true, email: false },
      ]),
    );
  });

  it('are stored per operator and refuse unknown types', async () => {
    const c = await t.as('assistente');
    const set = await c.call('alerts.setPreferences', { items: [{ type: 'job.failed', inApp: false, email: false }] });
    expect(set.status).toBe(200);
    expect(set.body.items).toContainEqual({ type: 'job.failed', inApp: false, email: false });
    expect((await c.call('alerts.getPreferences')).body.items).toContainEqual({ type: 'job.failed', inApp: false, email: false });
    const other = await t.as('sportello');
    expect((await other.call('alerts.getPreferences')).body.items).toContainEqual({ type: 'job.failed', inApp: true, email: true });
    const bad = await c.callRaw('alerts.setPreferences', { items: [{ type: 'nope', inApp: true, email: true }] });
    expect(bad.status).toBe(400);
  });

  it('decide what notify() raises and queues', async () => {
    // assistente: both off → nothing.
    expect(await notifyJobFailed('assistente')).toEqual({ alertId: null, emailId: null });
    // sportello: defaults (in-app and e-mail) → both.
    const both = await notifyJobFailed('sportello');
    expect(both.alertId).not.toBeNull();
    expect(both.emailId).not.toBeNull();
    const mail = await t.database.db.selectFrom('email_outbox').select(['to_address', 'body_text']).where('id', '=', both.emailId!).executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('sportello@demo.siso.invalid');
    expect(mail.body_text).toContain('Job «prova» non riuscito');
    // in-app only.
    const c = await t.as('sportello');
    await c.call('alerts.setPreferences', { items: [{ type: 'job.failed', inApp: true, email: false }] });
    const inApp = await notifyJobFailed('sportello');
    expect(inApp.alertId).not.toBeNull();
    expect(inApp.emailId).toBeNull();
  });
  it('tell each operator once, and a disabled operator never', async () => {
    await addOperator(t, { username: 'pref_gone', like: 'sportello', officeType: 'sportello_accoglienza', profile: 'operatore_sportello' });
    await t.database.db.updateTable('operator').set({ disabled_at: new Date() }).where('username', '=', 'pref_gone').execute();
    const [p, gone] = await Promise.all([placement('responsabile'), placement('pref_gone')]);
    const deliveries = await withTransaction(t.database.db, (tx) =>
      notify(tx, [p.operatorId, gone.operatorId, p.operatorId], { ambitoId: p.ambito_id, enteId: p.ente_id, type: 'job.succeeded', title: 'Job «doppio» completato', publicUrl: 'http://siso.test' }),
    );
    expect(deliveries).toEqual([{ operatorId: p.operatorId, alertId: expect.any(String), emailId: null }]);
    const rows = await t.database.db.selectFrom('alert').select('recipient_id').where('title', '=', 'Job «doppio» completato').execute();
    expect(rows).toEqual([{ recipient_id: p.operatorId }]);
  });
});
