import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase } from '../testing/test-app.js';
import type { Database } from './database.js';
import { withTransaction } from './transaction.js';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let database: Database;
beforeAll(async () => {
  fresh = await freshDatabase();
  database = fresh.database;
});
afterAll(async () => {
  await database?.close();
  await fresh?.drop();
});

describe('the pool on this backend', () => {
  it('answers queries and reports its kind', async () => {
    expect(['pglite', 'postgres']).toContain(database.kind);
    const r = await sql<{ v: string }>`SELECT version() AS v`.execute(database.db);
    expect(r.rows[0]!.v).toMatch(/PostgreSQL/);
  });

  it('returns date-only values as YYYY-MM-DD strings and numeric as exact strings', async () => {
    const r = await sql<{ d: unknown; m: unknown; n: unknown }>`
      SELECT DATE '1980-02-29' AS d, 1234.50::numeric(15,2) AS m, count(*) AS n FROM (VALUES (1),(2)) v(x)`.execute(database.db);
    expect(r.rows[0]).toEqual({ d: '1980-02-29', m: '1234.50', n: 2 });
  });

  it('rolls back every write of a failed transaction', async () => {
    await sql`CREATE TABLE tx_probe (id int)`.execute(database.db);
    await expect(
      withTransaction(database.db, async (tx) => {
        await sql`INSERT INTO tx_probe VALUES (1)`.execute(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tx_probe`.execute(database.db);
    expect(r.rows[0]!.n).toBe(0);
  });

  it('refuses writes inside a read-only transaction', async () => {
    await expect(
      withTransaction(database.db, (tx) => sql`INSERT INTO tx_probe VALUES (2)`.execute(tx), { readOnly: true }),
    ).rejects.toThrow(/read-only/);
  });

  it('serves concurrent clients without mixing their transactions', async () => {
    await sql`CREATE TABLE conc_probe (k int, v int)`.execute(database.db);
    await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        withTransaction(database.db, async (tx) => {
          for (let v = 0; v < 5; v++) await sql`INSERT INTO conc_probe VALUES (${k}, ${v})`.execute(tx);
        }),
      ),
    );
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM conc_probe`.execute(database.db);
    expect(r.rows[0]!.n).toBe(40);
  });
});
