import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { seedDemo } from './demo-seed.js';
import { officeTypes } from '@siso/shared';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('demo region', () => {
  it('has two ambiti with two comuni each, one capofila per ambito, offices of every type', async () => {
    const db = t.database.db;
    const ambiti = await db.selectFrom('ambito').select(['id', 'name']).execute();
    expect(ambiti).toHaveLength(2);
    for (const a of ambiti) {
      const entes = await db.selectFrom('ente').select(['id', 'is_capofila']).where('ambito_id', '=', a.id).execute();
      expect(entes).toHaveLength(2);
      expect(entes.filter((e) => e.is_capofila)).toHaveLength(1);
      for (const e of entes) {
        const types = await db.selectFrom('office').select('type').where('ente_id', '=', e.id).execute();
        expect(types.map((o) => o.type).sort()).toEqual([...officeTypes].sort());
      }
    }
  });

  it('creates the personas in three comuni (suffixes "", B, 2)', async () => {
    const r = await sql<{ username: string; ente: string }>`
      SELECT o.username, e.name AS ente FROM operator o JOIN assignment a ON a.operator_id = o.id JOIN ente e ON e.id = a.ente_id
       WHERE o.username IN ('sportello','sportelloB','sportello2','sysadmin','regione2')`.execute(t.database.db);
    const where = Object.fromEntries(r.rows.map((x) => [x.username, x.ente]));
    expect(where).toEqual({
      sportello: 'Comune di Città di Castello',
      sportelloB: 'Comune di Umbertide',
      sportello2: 'Comune di Perugia',
      sysadmin: 'Regione Umbria',
      regione2: 'Regione Umbria',
    });
  });

  it('does nothing on a database that already has a region, and refuses production without SISO_DEMO=1', async () => {
    const again = await seedDemo(t.database.db, { passwords: t.app.services.passwords, password: 'x'.repeat(10), production: false, demo: true });
    expect(again.seeded).toBe(false);
    await expect(seedDemo(t.database.db, { passwords: t.app.services.passwords, password: 'x'.repeat(10), production: true, demo: true })).rejects.toThrow(/produzione/);
  });
});

describe('demo operators', () => {
  it('have distinct valid fiscal codes (for the OIDC mapping)', async () => {
    const { isValidFiscalCode } = await import('@siso/shared');
    const ops = await t.database.db.selectFrom('operator').select(['username', 'fiscal_code']).execute();
    expect(ops).toHaveLength(24);
    expect(ops.every((o) => o.fiscal_code !== null && isValidFiscalCode(o.fiscal_code))).toBe(true);
    expect(new Set(ops.map((o) => o.fiscal_code)).size).toBe(24);
  });
});

describe('demo database of an older version', () => {
  it("brings the personas' profiles up to today's policy tables on the next start", async () => {
    await t.database.db.updateTable('profile').set({ permissions: ['alerts.find'] }).where('code', '=', 'amministratore_ambito').execute();
    await seedDemo(t.database.db, { passwords: t.app.services.passwords, password: 'x'.repeat(10), production: false, demo: true });
    const p = await t.database.db.selectFrom('profile').select('permissions').where('code', '=', 'amministratore_ambito').executeTakeFirstOrThrow();
    expect(p.permissions).toContain('operators.create');
    expect(p.permissions).toContain('jobs.start');
  });
});
