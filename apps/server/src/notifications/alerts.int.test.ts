import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { placementOf } from '../testing/placement.js';

const placement = (username: string) => placementOf(t.database.db, username);
import { raiseAlert } from './alerts.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());


describe('in-app alerts', () => {
  it('delivers alerts to the operator, to the office and to the ente, with per-operator read state', async () => {
    const a = await placement('assistente');
    const base = { ambitoId: a.ambitoId, enteId: a.enteId, type: 'test' };
    await raiseAlert(t.database.db, { ...base, recipient: { kind: 'operator', id: a.operatorId }, title: 'Per te' });
    await raiseAlert(t.database.db, { ...base, recipient: { kind: 'office', id: a.officeId }, title: 'Per l’ufficio', link: { kind: 'case', id: 'c-1' } });
    await raiseAlert(t.database.db, { ...base, recipient: { kind: 'ente', id: a.enteId }, title: 'Per l’ente' });
    const b = await placement('assistenteB');
    await raiseAlert(t.database.db, { ambitoId: b.ambitoId, enteId: b.enteId, type: 'test', recipient: { kind: 'ente', id: b.enteId }, title: 'Altro ente' });

    const assistente = await t.as('assistente');
    const list = await assistente.call('alerts.find', {});
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { title: string }) => i.title).sort()).toEqual(['Per l’ente', 'Per l’ufficio', 'Per te']);
    expect(list.body.unreadCount).toBe(3);
    expect(list.body.items.find((i: { title: string }) => i.title === 'Per l’ufficio')!.link).toEqual({ kind: 'case', id: 'c-1' });

    const sportello = await t.as('sportello');
    const other = await sportello.call('alerts.find', {});
    expect(other.body.items.map((i: { title: string }) => i.title)).toEqual(['Per l’ente']);

    const target = list.body.items.find((i: { title: string }) => i.title === 'Per l’ente')!.id;
    expect((await assistente.call('alerts.markRead', { ids: [target] })).body.updated).toBe(1);
    expect((await assistente.call('alerts.find', { unreadOnly: true })).body.unreadCount).toBe(2);
    // Read by one operator, still unread for the colleague.
    expect((await sportello.call('alerts.find', {})).body.unreadCount).toBe(1);
  });

  it('ignores ids of alerts addressed to someone else', async () => {
    const b = await placement('assistenteB');
    await raiseAlert(t.database.db, { ambitoId: b.ambitoId, enteId: b.enteId, type: 'test', recipient: { kind: 'operator', id: b.operatorId }, title: 'Privato' });
    const mine = await (await t.as('assistenteB')).call('alerts.find', {});
    const id = mine.body.items.find((i: { title: string }) => i.title === 'Privato')!.id;
    const res = await (await t.as('assistente')).call('alerts.markRead', { ids: [id] });
    expect(res.body.updated).toBe(0);
  });

  it('requires ids or all', async () => {
    const res = await (await t.as('assistente')).call('alerts.markRead', {});
    expect(res.status).toBe(400);
    expect(res.error.details[0]!.path).toBe('ids');
  });
});
