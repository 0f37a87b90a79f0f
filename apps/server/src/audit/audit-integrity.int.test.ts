import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';
import { checkpointKey } from './checkpoint-key.js';
import { pruneAudit } from './audit-prune.js';
import { sealAudit, verifyChain } from './audit-sealer.js';

let t: TestApp;
let dpo: TestClient;
let ambito1: string;

async function ambitoOf(username: string): Promise<string> {
  const r = await t.database.db
    .selectFrom('assignment')
    .innerJoin('operator', 'operator.id', 'assignment.operator_id')
    .select('assignment.ambito_id')
    .where('operator.username', '=', username)
    .executeTakeFirstOrThrow();
  return r.ambito_id!;
}

/** A superuser (never the application) switches a guard off to simulate tampering. */
async function behindTheApp(table: string, trigger: string, statement: ReturnType<typeof sql>) {
  await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`).execute(t.database.db);
  try {
    await statement.execute(t.database.db);
  } finally {
    await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`).execute(t.database.db);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  ambito1 = await ambitoOf('dpo');
  const c = await t.as('assistente');
  await c.call('alerts.markRead', { all: true });
  await c.call('alerts.markRead', { all: true });
  dpo = await t.as('dpo');
});
afterAll(async () => t?.close());

describe('audit integrity', () => {
  it('audit.verify seals pending rows and verifies the ambito chain', async () => {
    const res = await dpo.call('audit.verify', {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ chainKey: ambito1, ok: true, firstBroken: null, checkpoint: null });
    expect(res.body.rows).toBeGreaterThanOrEqual(2);
    expect(res.body.sealedNow).toBeGreaterThanOrEqual(0);
  });

  it('the application cannot update, delete or truncate audit rows, even asking for a prune', async () => {
    const db = t.database.db;
    await expect(sql`UPDATE audit_event SET action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_event`.execute(db)).rejects.toThrow(/append-only|foreign key/);
    await expect(sql`TRUNCATE audit_seal CASCADE`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_checkpoint`.execute(db)).resolves.toBeDefined(); // empty: no row, no trigger
    // The prune switch alone opens nothing: a covering signed checkpoint is required too.
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`SELECT set_config('siso.audit_prune', 'on', true)`.execute(tx);
        await sql`DELETE FROM audit_seal WHERE chain_key = ${ambito1}`.execute(tx);
      }),
    ).rejects.toThrow(/append-only/);
    // Privileges revoked from the owner (migration 0004); a superuser still bypasses them, hence the triggers.
    const acl = await sql<{ privilege_type: string }>`
      SELECT a.privilege_type FROM pg_class c, aclexplode(c.relacl) a
       WHERE c.relname IN ('audit_event', 'audit_seal', 'audit_checkpoint') AND a.grantee = c.relowner
         AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')`.execute(db);
    expect(acl.rows).toEqual([]);
  });

  it('reports the first broken link of a chain altered behind the application', async () => {
    const c2 = await t.as('assistente2');
    await c2.call('alerts.markRead', { all: true });
    await c2.call('alerts.markRead', { all: true });
    await sealAudit(t.database.db);
    const ambito2 = await ambitoOf('dpo2');
    const victim = await sql<{ seq: number; chain_pos: number }>`
      SELECT seq, chain_pos FROM audit_seal WHERE chain_key = ${ambito2} ORDER BY chain_pos DESC LIMIT 1 OFFSET 1`.execute(t.database.db);
    const { seq, chain_pos } = victim.rows[0]!;
    await behindTheApp('audit_event', 'audit_event_append_only', sql`UPDATE audit_event SET purpose = 'ritoccato' WHERE seq = ${seq}`);
    const res = await (await t.as('dpo2')).call('audit.verify', {});
    expect(res.body).toMatchObject({ chainKey: ambito2, ok: false, firstBroken: { chainPos: Number(chain_pos), seq: Number(seq), reason: 'contenuto modificato' } });
    // The other ambito's chain is untouched.
    expect((await dpo.call('audit.verify', {})).body.ok).toBe(true);
  });

  it('prunes behind a signed checkpoint: the rest of the chain still verifies', async () => {
    const db = t.database.db;
    const key = checkpointKey(t.app.services.config);
    await sealAudit(db);
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_seal WHERE chain_key = ${ambito1}`.execute(db);
    const [pruned] = await pruneAudit(db, { before: new Date(Date.now() + 1000), key, chainKey: ambito1 });
    expect(pruned).toMatchObject({ chainKey: ambito1, rowsPruned: before.rows[0]!.n });
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event WHERE chain_key = ${ambito1}`.execute(db);
    expect(left.rows[0]!.n).toBe(0);
    // New rows link to the checkpoint's hash and position.
    await (await t.as('assistente')).call('alerts.markRead', { all: true });
    const res = await dpo.call('audit.verify', {});
    expect(res.body).toMatchObject({ ok: true, checkpoint: { chainPos: pruned!.checkpointPos, rowsPruned: pruned!.rowsPruned } });
    expect(res.body.rows).toBeGreaterThanOrEqual(1);
    expect((await verifyChain(db, ambito1, key)).ok).toBe(true);
    // Without the key a pruned chain cannot be trusted.
    expect((await verifyChain(db, ambito1)).ok).toBe(false);
  });

  it('reports a tampered checkpoint', async () => {
    await behindTheApp('audit_checkpoint', 'audit_checkpoint_append_only', sql`UPDATE audit_checkpoint SET rows_pruned = rows_pruned - 1 WHERE chain_key = ${ambito1}`);
    const res = await dpo.call('audit.verify', {});
    expect(res.body).toMatchObject({ ok: false, firstBroken: { reason: 'checkpoint con firma non valida', seq: null } });
  });
});
