import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { freshDatabase } from '../testing/test-app.js';
import { sealAudit, verifyChain } from './audit-sealer.js';

let database: Database;
let drop: () => Promise<void>;

/** `n` rows of one chain, inserted as writers do (the sequence numbers them). */
async function insertRows(chainKey: string, n: number): Promise<void> {
  await sql`INSERT INTO audit_event (chain_key, action, outcome, request_id, subject_people, targets)
    SELECT ${chainKey}, 'test.read', 'ok', 'r' || g, ARRAY[gen_random_uuid()], '[]'::jsonb FROM generate_series(1, ${n}) g`.execute(database.db);
}

async function unsealed(): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = e.seq)`.execute(database.db);
  return r.rows[0]!.n;
}

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  await sealAudit(database.db, 10_000_000, { full: true });
});
afterAll(async () => drop?.());

describe('audit sealer', () => {
  it('seals a backlog larger than one batch in one pass, in sequence order', async () => {
    await insertRows('test-sealer-a', 1_234);
    expect(await sealAudit(database.db, 10_000_000)).toBe(1_234);
    expect(await unsealed()).toBe(0);
    const order = await sql<{ ok: boolean }>`
      SELECT bool_and(d.next_seq > d.seq) AS ok FROM (
        SELECT seq, lead(seq) OVER (ORDER BY chain_pos) AS next_seq FROM audit_seal WHERE chain_key = 'test-sealer-a') d
       WHERE d.next_seq IS NOT NULL`.execute(database.db);
    expect(order.rows[0]!.ok).toBe(true);
    expect(await verifyChain(database.db, 'test-sealer-a')).toMatchObject({ ok: true, rows: 1_234 });
  });

  it('a row committed long after later ones is left to the full pass, then appended to its chain', async () => {
    // The straggler's sequence number is taken first, its row committed only after 2,500 later rows
    // were sealed: beyond the after-commit sealer's recent window.
    const seq = Number((await sql<{ n: string }>`SELECT nextval('audit_event_seq_seq') AS n`.execute(database.db)).rows[0]!.n);
    await insertRows('test-sealer-b', 2_500);
    expect(await sealAudit(database.db, 10_000_000)).toBe(2_500);
    await sql`INSERT INTO audit_event (seq, chain_key, action, outcome, request_id) VALUES (${seq}, 'test-sealer-b', 'test.late', 'ok', 'late')`.execute(database.db);
    expect(await sealAudit(database.db, 10_000_000)).toBe(0);
    expect(await unsealed()).toBe(1);
    expect(await sealAudit(database.db, 10_000_000, { full: true })).toBe(1);
    expect(await unsealed()).toBe(0);
    const last = await sql<{ seq: string; chain_pos: string }>`
      SELECT seq, chain_pos FROM audit_seal WHERE chain_key = 'test-sealer-b' ORDER BY chain_pos DESC LIMIT 1`.execute(database.db);
    expect(last.rows[0]).toMatchObject({ seq: seq, chain_pos: 2_501 });
    expect(await verifyChain(database.db, 'test-sealer-b')).toMatchObject({ ok: true, rows: 2_501 });
  });

  it('a row committed just behind the newest seal is caught by the after-commit pass', async () => {
    const seq = Number((await sql<{ n: string }>`SELECT nextval('audit_event_seq_seq') AS n`.execute(database.db)).rows[0]!.n);
    await insertRows('test-sealer-c', 600);
    expect(await sealAudit(database.db, 10_000_000)).toBe(600);
    await sql`INSERT INTO audit_event (seq, chain_key, action, outcome, request_id) VALUES (${seq}, 'test-sealer-c', 'test.late', 'ok', 'late')`.execute(database.db);
    expect(await sealAudit(database.db, 10_000_000)).toBe(1);
    expect(await verifyChain(database.db, 'test-sealer-c')).toMatchObject({ ok: true, rows: 601 });
  });
});
