import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';

let t: TestApp;
let admin: TestClient;
let sysadmin: TestClient;
let officeId: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, sysadmin] = [await t.as('admin'), await t.as('sysadmin')];
  const tree = await admin.call('organisation.tree');
  const ente = tree.body.ambiti[0]!.enti.find((e: { isCapofila: boolean }) => e.isCapofila);
  const office = await admin.call('offices.upsert', { enteId: ente!.id, type: 'sportello_accoglienza', name: 'Sportello di Lerchi' });
  officeId = office.body.id;
});
afterAll(async () => t?.close());

const template = async (code: string) =>
  (await t.database.db.selectFrom('profile').select('id').where('ambito_id', 'is', null).where('code', '=', code).executeTakeFirstOrThrow()).id;

const newOperator = async (username: string, profileIds: string[], extra: Record<string, unknown> = {}) =>
  admin.call('operators.create', {
    username, givenName: 'Giulia', familyName: 'Nuovi', fiscalCode: 'NVUGLI80A41C745X', email: `${username}@comune.invalid`, ...extra,
    assignment: { officeId, professionalType: 'operatore_sportello', validFrom: '2024-01-01', profileIds },
  });

describe('operators', () => {
  it('creates an operator who then logs in and must change the temporary password', async () => {
    const res = await newOperator('giulia.nuovi', [await template('operatore_sportello')]);
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{18}$/);
    expect(res.body.operator).toMatchObject({ username: 'giulia.nuovi', fiscalCode: 'NVUGLI80A41C745X', mustChangePassword: true, locked: false, version: 0 });
    expect(res.body.operator.assignments[0]).toMatchObject({ officeId, validFrom: '2024-01-01', validTo: null, profiles: [{ code: 'operatore_sportello' }] });
    const login = await t.client().call('auth.login', { username: 'giulia.nuovi', password: res.body.temporaryPassword });
    expect(login.status).toBe(200);
    expect(login.body.status).toBe('password_change_required');
    const dup = await newOperator('GIULIA.NUOVI', [await template('operatore_sportello')], { fiscalCode: null });
    expect(dup.status).toBe(409);
    expect(dup.error.details[0]!.path).toBe('username');
    const audit = await t.database.db.selectFrom('audit_event').select(['targets', 'details', 'classes_changed']).where('action', '=', 'operators.create').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(audit.targets).toEqual([{ kind: 'operator', id: res.body.operator.id }]);
    expect(JSON.stringify(audit.details)).not.toContain('NVUGLI80A41C745X');
    expect(JSON.stringify(audit.details)).not.toContain(res.body.temporaryPassword);
  });

  it('refuses to grant what the administrator does not hold (403 with the permission path)', async () => {
    // The DPO's template carries the audit, an oversight power the ambito administrator lacks.
    const res = await newOperator('anna.bis', [await template('dpo')], { fiscalCode: null });
    expect(res.status).toBe(403);
    expect(res.error.details.map((d: { path: string }) => d.path)).toContain('assignment.profileIds.0.permissions.audit.find');
    expect((await admin.call('operators.find', { q: 'anna.bis' })).body.items).toEqual([]);
    // The region's social-worker template is assigned as it is, although the administrator does not
    // hold its data permissions (they read no people: data minimisation).
    expect((await newOperator('anna.ter', [await template('assistente_sociale')], { fiscalCode: null, givenName: 'Anna', familyName: 'Terza' })).status).toBe(200);
    const profile = await admin.call('profiles.upsert', { code: 'sportello_plus', name: 'Sportello plus', permissions: ['organisation.tree', 'grants.create'], scope: 'office' });
    expect(profile.status).toBe(403);
    expect(profile.error.details).toEqual([{ path: 'permissions.1', message: expect.any(String) }]);
    const wide = await admin.call('profiles.upsert', { code: 'regionale', name: 'Regionale', permissions: ['organisation.tree'], scope: 'installation' });
    expect(wide.status).toBe(403);
    expect(wide.error.details[0]!.path).toBe('scope');
    const copied = await admin.call('profiles.upsert', { code: 'sportello_zs1', name: 'Sportello ZS1', templateId: await template('operatore_sportello') });
    expect(copied.status).toBe(200);
    expect(copied.body).toMatchObject({ scope: 'office', abilities: ['profiles.upsert'] });
    const find = await admin.call('profiles.find');
    expect(find.body.items.find((p: { id: string }) => p.id === copied.body.id)).toBeTruthy();
    expect(find.body.grantable.map((g: { action: string }) => g.action)).toContain('operators.create');
    expect(find.body.grantable.map((g: { action: string }) => g.action)).not.toContain('grants.create');
    expect(find.body.items.find((p) => p.code === 'assistente_sociale' && p.ambitoId === null)!.abilities).toEqual([]);
  });

  it('masks personal fields for a profile that cannot read them, and audits every read', async () => {
    const mine = await admin.call('operators.find', { q: 'giulia' });
    expect(mine.body.items[0]!.fiscalCode).toBe('NVUGLI80A41C745X');
    const masked = await sysadmin.call('operators.find', { q: 'giulia' });
    expect(masked.status).toBe(200);
    expect(masked.body.items[0]).toMatchObject({ fiscalCode: { masked: true }, email: { masked: true }, username: 'giulia.nuovi' });
    // Filtering by a class one cannot read would reveal it: the fiscal code is not searched for sysadmin.
    expect((await sysadmin.call('operators.find', { q: 'NVUGLI80' })).body.items).toEqual([]);
    expect((await admin.call('operators.find', { q: 'nvugli80' })).body.items).toHaveLength(1);
    const reads = await t.database.db.selectFrom('audit_event').select(['targets', 'classes_read']).where('action', '=', 'operators.find').where('targets', '!=', '[]' as never).execute();
    expect(reads.some((r) => (r.targets as { id: string }[]).some((x) => x.id === masked.body.items[0]!.id) && !r.classes_read.includes('personal'))).toBe(true);
    expect(reads.some((r) => r.classes_read.includes('personal'))).toBe(true);
  });

  it('edits assignments with validity dates and answers 409 to a stale version', async () => {
    const op = (await admin.call('operators.find', { q: 'giulia' })).body.items[0];
    const a = op!.assignments[0];
    const res = await admin.call('operators.update', {
      id: op!.id, version: op!.version, givenName: 'Giuliana',
      assignments: [{ id: a!.id, version: a!.version, officeId, professionalType: a!.professionalType, validFrom: a!.validFrom, validTo: '2030-12-31', profileIds: a!.profiles.map((p: { id: string }) => p.id) }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ givenName: 'Giuliana', version: op!.version + 1 });
    expect(res.body.assignments[0]!.validTo).toBe('2030-12-31');
    expect((await admin.call('operators.update', { id: op!.id, version: op!.version, givenName: 'Vecchia' })).status).toBe(409);
    const bad = await admin.call('operators.update', { id: op!.id, version: op!.version + 1, assignments: [{ officeId, professionalType: 'educatore', validFrom: '2025-02-01', validTo: '2025-01-01', profileIds: [a!.profiles[0]!.id] }] });
    expect(bad.status).toBe(400);
    expect(bad.error.details[0]!.path).toBe('assignments.0.validTo');
  });

  it('unlocks a locked operator and resets a password, ending their sessions', async () => {
    const op = (await admin.call('operators.find', { q: 'giulia' })).body.items[0];
    await t.database.db.updateTable('operator').set({ failed_login_count: 5, locked_until: new Date(Date.now() + 3600_000) }).where('id', '=', op!.id).execute();
    const locked = await admin.call('operators.get', { id: op!.id });
    expect(locked.body).toMatchObject({ locked: true });
    expect(locked.body.abilities).toContain('operators.unlock');
    const unlocked = await admin.call('operators.unlock', { id: op!.id });
    expect(unlocked.body).toMatchObject({ locked: false });
    expect(unlocked.body.abilities).not.toContain('operators.unlock');
    const session = t.client();
    const reset1 = await admin.call('operators.resetPassword', { id: op!.id });
    const login1 = await session.call('auth.login', { username: 'giulia.nuovi', password: reset1.body.temporaryPassword });
    expect(login1.status, JSON.stringify(login1.body)).toBe(200);
    expect((await session.call('auth.me')).status).toBe(200);
    const reset2 = await admin.call('operators.resetPassword', { id: op!.id });
    expect(reset2.status).toBe(200);
    expect(reset2.body.temporaryPassword).not.toBe(reset1.body.temporaryPassword);
    expect((await session.call('auth.me')).status).toBe(401);
    const again = await t.client().call('auth.login', { username: 'giulia.nuovi', password: reset2.body.temporaryPassword });
    expect(again.body.status).toBe('password_change_required');
  });

  it('lets the system administrator create an ambito administrator but not a social worker', async () => {
    const res = await sysadmin.call('operators.create', {
      username: 'admin.nuovo', givenName: 'Ada', familyName: 'Nuova',
      assignment: { officeId, professionalType: 'amministrativo', validFrom: '2024-01-01', profileIds: [await template('amministratore_ambito')] },
    });
    expect(res.status).toBe(200);
    expect(res.body.operator.fiscalCode).toEqual({ masked: true });
    const sw = await sysadmin.call('operators.create', {
      username: 'as.nuova', givenName: 'Asia', familyName: 'Nuova',
      assignment: { officeId, professionalType: 'assistente_sociale', validFrom: '2024-01-01', profileIds: [await template('assistente_sociale')] },
    });
    expect(sw.status).toBe(403);
  });
});

describe('taking over accounts', () => {
  const idOf = async (username: string) =>
    (await t.database.db.selectFrom('operator').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  it("refuses an ambito administrator the reset of the DPO's password (GDPR art. 38(3)); the system administrator may", async () => {
    const dpo = await idOf('dpo');
    const denied = await admin.call('operators.resetPassword', { id: dpo });
    expect(denied.status).toBe(403);
    expect(denied.error.details[0]!.path).toMatch(/^permissions\.audit\./);
    const allowed = await sysadmin.call('operators.resetPassword', { id: dpo });
    expect(allowed.status).toBe(200);
    expect(allowed.body.temporaryPassword).toEqual(expect.any(String));
  });

  it('never stores a temporary password for Idempotency-Key replays', async () => {
    const id = await idOf('sportello');
    const headers = { 'idempotency-key': `reset-${crypto.randomUUID()}` };
    const first = await admin.call('operators.resetPassword', { id }, { headers });
    const second = await admin.call('operators.resetPassword', { id }, { headers });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.body.temporaryPassword).not.toBe(first.body.temporaryPassword);
    const stored = await t.database.db.selectFrom('idempotency_key').select('key').where('key', '=', headers['idempotency-key']).execute();
    expect(stored).toHaveLength(0);
  });
});

describe('first login of a new operator', () => {
  it("audits the forced password change in the operator's ambito chain, where the DPO reads it", async () => {
    const created = await newOperator('primo.accesso', [await template('operatore_sportello')], { fiscalCode: null, email: null });
    expect(created.status).toBe(200);
    const c = t.client();
    await c.call('auth.login', { username: 'primo.accesso', password: created.body.temporaryPassword });
    const changed = await c.call('auth.changePassword', { currentPassword: created.body.temporaryPassword, newPassword: 'Nuova-Chiave-2026!' });
    expect(changed.status).toBe(200);
    const row = await t.database.db
      .selectFrom('audit_event')
      .select(['ambito_id', 'chain_key'])
      .where('action', '=', 'auth.changePassword')
      .where('operator_id', '=', created.body.operator.id)
      .executeTakeFirstOrThrow();
    const office = await t.database.db.selectFrom('office').select('ambito_id').where('id', '=', officeId).executeTakeFirstOrThrow();
    expect(row).toEqual({ ambito_id: office.ambito_id, chain_key: office.ambito_id });
  });
});
