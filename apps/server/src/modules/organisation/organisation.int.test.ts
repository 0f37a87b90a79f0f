import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type InputOf, type TestApp, type TestClient } from '../../testing/test-app.js';

let t: TestApp;
let admin: TestClient;
let admin2: TestClient;
let sysadmin: TestClient;
let ambito1: string;
let ente1: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, admin2, sysadmin] = [await t.as('admin'), await t.as('admin2'), await t.as('sysadmin')];
  const tree = await admin.call('organisation.tree');
  ambito1 = tree.body.ambiti[0]!.id;
  ente1 = tree.body.ambiti[0]!.enti.find((e: { isCapofila: boolean }) => e.isCapofila)!.id;
});
afterAll(async () => t?.close());

describe('organisation tree', () => {
  it('shows an operator their own ambito, and the system administrator every ambito', async () => {
    const own = await (await t.as('sportello')).call('organisation.tree');
    expect(own.status).toBe(200);
    expect(own.body.ambiti.map((a: { code: string }) => a.code)).toEqual(['ZS1']);
    expect(own.body.ambiti[0]!.abilities).toEqual([]);
    const all = await sysadmin.call('organisation.tree');
    expect(all.body.ambiti.map((a: { code: string }) => a.code)).toEqual(['ZS1', 'ZS2']);
    expect(all.body.abilities).toEqual(['ambiti.upsert']);
    const byAdmin = await admin.call('organisation.tree');
    expect(byAdmin.body.ambiti[0]!.abilities).toEqual(['entes.upsert']);
  });

  it('creates an office and a contact point, and answers 409 to a stale version', async () => {
    const office = await admin.call('offices.upsert', { enteId: ente1, type: 'sportello_tematico', name: 'Sportello disabilità', email: 'disabili@comune.invalid' });
    expect(office.status).toBe(200);
    expect(office.body).toMatchObject({ version: 0, abilities: ['offices.upsert', 'contactPoints.upsert'] });
    const cp = await admin.call('contactPoints.upsert', { officeId: office.body.id, name: 'Sede di Trestina', openingHours: 'mer 9–12' });
    expect(cp.status).toBe(200);
    const tree = await admin.call('organisation.tree', { ambitoId: ambito1 });
    const found = tree.body.ambiti[0]!.enti.flatMap((e) => e.offices).find((o) => o.id === office.body.id)!;
    expect(found.contactPoints.map((c: { name: string }) => c.name)).toEqual(['Sede di Trestina']);
    const edit = { id: office.body.id, version: 0, enteId: ente1, type: 'sportello_tematico', name: 'Sportello disabilità e non autosufficienza' } satisfies InputOf<'offices.upsert'>;
    expect((await admin.call('offices.upsert', edit)).body.version).toBe(1);
    const stale = await admin.call('offices.upsert', { ...edit, name: 'Altro nome' });
    expect(stale.status).toBe(409);
    expect(stale.error.code).toBe('conflict');
  });

  it('keeps one capofila per ambito (409 with the field)', async () => {
    const res = await admin.call('entes.upsert', { ambitoId: ambito1, kind: 'comune', name: 'Comune di Citerna', isCapofila: true });
    expect(res.status).toBe(409);
    expect(res.error.details).toEqual([{ path: 'isCapofila', message: expect.stringContaining('capofila') }]);
    const ok = await admin.call('entes.upsert', { ambitoId: ambito1, kind: 'comune', name: 'Comune di Citerna', belfioreCode: 'C742', isCapofila: false });
    expect(ok.status).toBe(200);
    const upgrade = await admin.call('entes.upsert', { id: ok.body.id, version: 0, ambitoId: ambito1, kind: 'comune', name: 'Comune di Citerna', isCapofila: true });
    expect(upgrade.status).toBe(409);
  });

  it('lets only the system administrator create an ambito, with a unique code', async () => {
    expect((await admin.call('ambiti.upsert', { code: 'ZS9', name: 'Zona 9' })).status).toBe(403);
    const created = await sysadmin.call('ambiti.upsert', { code: 'ZS9', name: 'Zona sociale n. 9' });
    expect(created.status).toBe(200);
    expect((await sysadmin.call('ambiti.upsert', { code: 'zs9', name: 'Doppione' })).status).toBe(409);
    const ente = await sysadmin.call('entes.upsert', { ambitoId: created.body.id, kind: 'comune', name: 'Comune capofila', isCapofila: true });
    expect(ente.status).toBe(200);
  });
});

describe('cross-ambito denial', () => {
  it('answers 404 for every record of another ambito, both ways', async () => {
    const tree2 = await admin2.call('organisation.tree');
    const ambito2 = tree2.body.ambiti[0];
    const ente2 = ambito2!.enti[0];
    const office2 = ente2!.offices[0];
    expect((await admin.call('organisation.tree', { ambitoId: ambito2!.id })).status).toBe(404);
    expect((await admin.call('entes.upsert', { id: ente2!.id, version: ente2!.version, ambitoId: ambito2!.id, kind: 'comune', name: 'x', isCapofila: true })).status).toBe(404);
    expect((await admin.call('entes.upsert', { ambitoId: ambito2!.id, kind: 'comune', name: 'x' })).status).toBe(404);
    expect((await admin.call('offices.upsert', { enteId: ente2!.id, type: 'sportello_accoglienza', name: 'x' })).status).toBe(404);
    expect((await admin.call('offices.upsert', { id: office2!.id, version: office2!.version, enteId: ente2!.id, type: office2!.type, name: 'x' })).status).toBe(404);
    expect((await admin.call('contactPoints.upsert', { officeId: office2!.id, name: 'x' })).status).toBe(404);
    const op2 = await admin2.call('operators.find', { q: 'sportello2' });
    const id2 = op2.body.items[0]!.id;
    for (const action of ['operators.get', 'operators.unlock', 'operators.resetPassword'] as const) expect((await admin.call(action, { id: id2 })).status).toBe(404);
    expect((await admin.call('operators.update', { id: id2, version: 0, givenName: 'x' })).status).toBe(404);
    expect((await admin.call('operators.find', { q: 'sportello2' })).body.items).toEqual([]);
    expect((await admin.call('profiles.find', { ambitoId: ambito2!.id })).status).toBe(404);
    const p2 = await admin2.call('profiles.upsert', { code: 'solo_zs2', name: 'Solo ZS2', permissions: ['organisation.tree'], scope: 'office' });
    expect(p2.status).toBe(200);
    expect((await admin.call('profiles.upsert', { id: p2.body.id, version: 0, code: 'solo_zs2', name: 'Preso' })).status).toBe(404);
    // An ambito-2 profile cannot be given in ambito 1 either.
    const office1 = (await admin.call('organisation.tree')).body.ambiti[0]!.enti[0]!.offices[0]!.id;
    const cross = await admin.call('operators.create', {
      username: 'incrociato', givenName: 'I', familyName: 'C',
      assignment: { officeId: office1, professionalType: 'amministrativo', validFrom: '2025-01-01', profileIds: [p2.body.id] },
    });
    expect(cross.status).toBe(404);
    expect((await admin2.call('operators.get', { id: (await admin.call('operators.find', { q: 'sportello' })).body.items[0]!.id })).status).toBe(404);
  });
});
