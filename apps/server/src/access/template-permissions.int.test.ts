import fs from 'node:fs';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { secondInstance } from '../testing/second-instance.js';
import { defaultPermissions, policies } from './policies.js';
import { syncTemplatePermissions } from './template-permissions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const template = (code: string) =>
  t.database.db.selectFrom('profile').select(['id', 'permissions', 'offered_permissions', 'version']).where('ambito_id', 'is', null).where('code', '=', code).executeTakeFirstOrThrow();
const without = (list: string[], ...drop: string[]) => list.filter((p) => !drop.includes(p));

describe('permissions of new actions reach the built-in templates', () => {
  it('records at the first start what each template has been offered', async () => {
    const admin = await template('amministratore_ambito');
    expect(admin.offered_permissions).toEqual(defaultPermissions('amministratore_ambito'));
  });

  it('adds on a non-demo start only the permissions never offered, keeping those an administrator removed, and audits it', async () => {
    const defaults = defaultPermissions('amministratore_ambito');
    const admin = await template('amministratore_ambito');
    // An installation from before operators.resetTotp, whose administrator removed operators.unlock on purpose.
    await t.database.db
      .updateTable('profile')
      .set({ permissions: without(defaults, 'operators.resetTotp', 'operators.unlock'), offered_permissions: without(defaults, 'operators.resetTotp') })
      .where('id', '=', admin.id)
      .execute();
    // An ambito's own profile with the same code, and a custom template: never touched.
    const ambitoId = (await t.database.db.selectFrom('ambito').select('id').executeTakeFirstOrThrow()).id;
    const regioneId = (await t.database.db.selectFrom('regione').select('id').executeTakeFirstOrThrow()).id;
    const own = crypto.randomUUID();
    const custom = crypto.randomUUID();
    await t.database.db
      .insertInto('profile')
      .values([
        { id: own, regione_id: regioneId, ambito_id: ambitoId, code: 'amministratore_ambito', name: 'Copia locale', scope: 'ambito', permissions: ['operators.find'], offered_permissions: [] },
        { id: custom, regione_id: regioneId, ambito_id: null, code: 'modello_locale', name: 'Modello locale', scope: 'office', permissions: ['organisation.tree'], offered_permissions: [] },
      ])
      .execute();

    const other = await secondInstance(t, { SISO_DEMO: '0' });
    await other.close();

    const after = await template('amministratore_ambito');
    expect(after.permissions).toContain('operators.resetTotp');
    expect(after.permissions).not.toContain('operators.unlock');
    expect(after.offered_permissions).toEqual(defaults);
    expect(after.version).toBe(admin.version + 1);
    const untouched = await t.database.db.selectFrom('profile').select(['id', 'permissions']).where('id', 'in', [own, custom]).orderBy('code').execute();
    expect(untouched.map((p) => p.permissions)).toEqual([['operators.find'], ['organisation.tree']]);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['chain_key', 'targets', 'details'])
      .where('action', '=', 'profiles.templateSync')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ chain_key: 'installation', targets: [{ kind: 'profile', id: admin.id }], details: { code: 'amministratore_ambito', permissionsAdded: ['operators.resetTotp'] } });

    // Nothing left to offer: the next start adds nothing.
    expect(await syncTemplatePermissions(t.database.db)).toEqual([]);
  });

  it('a template not tracked yet records the defaults as offered and gains nothing', async () => {
    const dpo = await template('dpo');
    await t.database.db.updateTable('profile').set({ permissions: ['audit.find'], offered_permissions: null }).where('id', '=', dpo.id).execute();
    expect(await syncTemplatePermissions(t.database.db)).toEqual([]);
    expect(await template('dpo')).toMatchObject({ permissions: ['audit.find'], offered_permissions: defaultPermissions('dpo') });
  });

  it('migration 0006 names only actions of the catalogue as offered before it', () => {
    const text = fs.readFileSync(new URL('../db/migrations/0006_access_hardening.sql', import.meta.url), 'utf8');
    const baseline = [...text.slice(text.indexOf('ARRAY['), text.indexOf(']', text.indexOf('ARRAY['))).matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(baseline.length).toBeGreaterThan(20);
    expect(baseline.filter((a) => !(a! in policies))).toEqual([]);
    expect(baseline).not.toContain('operators.resetTotp');
  });
});
