import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { sealAudit, verifyChain } from './audit-sealer.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function chainOfAmbito(username: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('assignment')
    .innerJoin('operator', 'operator.id', 'assignment.operator_id')
    .select('assignment.ambito_id')
    .where('operator.username', '=', username)
    .executeTakeFirstOrThrow();
  return row.ambito_id!;
}

describe('audit chain', () => {
  it('seals rows of concurrent requests into a per-ambito chain that verifies', async () => {
    const clients = await Promise.all(['assistente', 'sportello', 'assistenteB', 'assistente2'].map((u) => t.as(u)));
    await Promise.all(clients.flatMap((c) => [c.call('alerts.markRead', { all: true }), c.call('alerts.markRead', { all: true })]));
    await sealAudit(t.database.db);
    const ambito1 = await chainOfAmbito('assistente');
    const ambito2 = await chainOfAmbito('assistente2');
    const v1 = await verifyChain(t.database.db, ambito1);
    const v2 = await verifyChain(t.database.db, ambito2);
    expect(v1).toMatchObject({ ok: true, firstBroken: null });
    expect(v1.rows).toBeGreaterThanOrEqual(6);
    expect(v2.ok).toBe(true);
    expect(v2.rows).toBeGreaterThanOrEqual(2);
    const unsealed = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = e.seq)`.execute(t.database.db);
    expect(unsealed.rows[0]!.n).toBe(0);
  });

  it('refuses UPDATE and DELETE of audit rows', async () => {
    await expect(sql`UPDATE audit_event SET action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_seal`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('reports the first broken link when a row is altered behind the application', async () => {
    const c = await t.as('sportelloB');
    await c.call('alerts.markRead', { all: true });
    await c.call('alerts.markRead', { all: true });
    await sealAudit(t.database.db);
    const chain = await chainOfAmbito('sportelloB');
    const victim = await sql<{ seq: number; chain_pos: number }>`
      SELECT s.seq, s.chain_pos FROM audit_seal s WHERE s.chain_key = ${chain} ORDER BY chain_pos DESC LIMIT 1 OFFSET 1`.execute(t.database.db);
    const { seq, chain_pos } = victim.rows[0]!;
    // A superuser (not the application) disables the guard to simulate tampering.
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`.execute(t.database.db);
    await sql`UPDATE audit_event SET action = 'auth.logout' WHERE seq = ${seq}`.execute(t.database.db);
    await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`.execute(t.database.db);
    const v = await verifyChain(t.database.db, chain);
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toMatchObject({ chainPos: Number(chain_pos), seq: Number(seq), reason: 'contenuto modificato' });
  });

  it('records denied requests with the actor and the error code', async () => {
    const c = await t.as('terzosettore');
    const res = await c.call('system.get');
    expect(res.status).toBe(403);
    const row = await t.database.db
      .selectFrom('audit_event')
      .innerJoin('operator', 'operator.id', 'audit_event.operator_id')
      .select(['audit_event.outcome', 'audit_event.error_code', 'audit_event.chain_key', 'audit_event.ambito_id'])
      .where('operator.username', '=', 'terzosettore')
      .where('audit_event.action', '=', 'system.get')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'denied', error_code: 'forbidden' });
    expect(row.chain_key).toBe(row.ambito_id);
  });
});

describe('tampering by deletion and reordering', () => {
  async function freshChain(username: string) {
    const c = await t.as(username);
    for (let i = 0; i < 4; i++) await c.call('alerts.markRead', { all: true });
    await sealAudit(t.database.db);
    // A chain no earlier test has tampered with: ambito 2, or the installation chain (region staff).
    const chain = (await chainOfAmbito(username)) ?? 'installation';
    expect((await verifyChain(t.database.db, chain)).ok).toBe(true);
    const seals = await sql<{ seq: number; chain_pos: number }>`
      SELECT seq, chain_pos FROM audit_seal WHERE chain_key = ${chain} ORDER BY chain_pos DESC LIMIT 3`.execute(t.database.db);
    return { chain, seals: seals.rows.map((r) => ({ seq: Number(r.seq), pos: Number(r.chain_pos) })) };
  }
  const unguarded = async (fn: () => Promise<unknown>) => {
    await sql`ALTER TABLE audit_event DISABLE TRIGGER USER`.execute(t.database.db);
    await sql`ALTER TABLE audit_seal DISABLE TRIGGER USER`.execute(t.database.db);
    try {
      await fn();
    } finally {
      await sql`ALTER TABLE audit_event ENABLE TRIGGER USER`.execute(t.database.db);
      await sql`ALTER TABLE audit_seal ENABLE TRIGGER USER`.execute(t.database.db);
    }
  };

  it('detects a deleted row (event and seal gone): the chain has a hole', async () => {
    const { chain, seals } = await freshChain('responsabile2');
    const victim = seals[1]!;
    await unguarded(async () => {
      await sql`DELETE FROM audit_seal WHERE seq = ${victim.seq}`.execute(t.database.db);
      await sql`DELETE FROM audit_event WHERE seq = ${victim.seq}`.execute(t.database.db);
    });
    const v = await verifyChain(t.database.db, chain);
    expect(v.ok).toBe(false);
    expect(v.firstBroken?.chainPos).toBe(victim.pos + 1);
  });

  it('detects two rows swapped in the chain', async () => {
    const { chain, seals } = await freshChain('sysadmin');
    const [a, b] = [seals[0]!, seals[1]!];
    await unguarded(async () => {
      // Swap which events the two positions point to, keeping the stored hashes.
      await sql`UPDATE audit_seal SET chain_pos = -1 WHERE seq = ${a.seq}`.execute(t.database.db);
      await sql`UPDATE audit_seal SET chain_pos = ${a.pos} WHERE seq = ${b.seq}`.execute(t.database.db);
      await sql`UPDATE audit_seal SET chain_pos = ${b.pos} WHERE seq = ${a.seq}`.execute(t.database.db);
    });
    const v = await verifyChain(t.database.db, chain);
    expect(v.ok).toBe(false);
    expect(v.firstBroken?.chainPos).toBe(Math.min(a.pos, b.pos));
  });
});
