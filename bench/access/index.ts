/**
 * bench/access (issue "Access control…"): an authenticated, scoped, masked and audited read of one
 * record and a 50-row scoped list (the fixture repository written like every module's), vs the same
 * queries in raw SQL, vs a bare Fastify route; concurrency 1 and 16, interleaved, median of 3, on
 * PostgreSQL. Targets: auth + scope + audit add ≤ 2 ms p50 and ≤ 5 ms p95 over raw SQL at
 * concurrency 1; the audit sealer keeps up with 1,000 audited requests/s.
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { sql } from 'kysely';
import { createApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { wrapPool } from '../../apps/server/src/db/database.js';
import { sealAudit } from '../../apps/server/src/audit/audit-sealer.js';
import { installRecordFixture } from '../../apps/server/src/testing/fixtures/record-fixture.js';
import { recordFixtureHandlers } from '../../apps/server/src/testing/fixtures/record-actions.js';
import { grantToProfile } from '../../apps/server/src/testing/grant-permissions.js';
import { BENCH_SCALE, scaled } from '../lib/scale.js';
import { compareVariants } from '../lib/compare.js';
import type { RequestSpec } from '../lib/load.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/siso_bench_access';
const RECORDS = scaled(200_000, 2000);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 4000);

async function ensureDatabase(): Promise<void> {
  const u = new URL(PG_URL);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  // A fresh database each run: the audit log grows by ~150k rows per run, and an ever larger log would
  // make runs incomparable (the 200k fixture records take seconds to regenerate).
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

export async function run(): Promise<void> {
  await ensureDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: PG_URL, SISO_JOBS: '0', SISO_LOG_LEVEL: 'silent', SISO_MAIL_TRANSPORT: 'memory', SISO_DEMO: '1' });
  const database = wrapPool('postgres', new pg.Pool({ connectionString: PG_URL, max: 16 }));
  const app = await createApp(config, database, { logger: false, serveWeb: false, extraHandlers: recordFixtureHandlers });
  await installRecordFixture(database.db);
  await sql`CREATE INDEX IF NOT EXISTS fixture_record_ente_idx ON fixture_record (ente_id, id)`.execute(database.db);
  // Records spread over every office of the region, generated inside the database.
  const have = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM fixture_record`.execute(database.db)).rows[0]!.n;
  if (have < RECORDS) {
    await sql`INSERT INTO fixture_record
      SELECT gen_random_uuid(), o.ambito_id, o.ente_id, o.id, (SELECT id FROM operator ORDER BY id LIMIT 1),
             'Cartella ' || g, 'Persona ' || g, 'diagnosi ' || g, NULL, NULL, NULL
        FROM generate_series(1, ${RECORDS - have}) g
        JOIN LATERAL (SELECT id, ente_id, ambito_id FROM office WHERE ambito_id IS NOT NULL ORDER BY md5(g::text || id::text) LIMIT 1) o ON true`.execute(database.db);
    await sql`ANALYZE fixture_record`.execute(database.db);
  }
  // The fixture actions are not in the catalogue: give them to the persona's profile in this bench database.
  await grantToProfile(database.db, 'responsabile_settore', recordFixtureHandlers.map((h) => h.contract.name));
  const login = await app.server.inject({ method: 'POST', url: '/api/auth.login', payload: { username: 'responsabile', password: config.demoPassword } });
  const cookie = `siso_sid=${login.cookies.find((c) => c.name === 'siso_sid')!.value}`;
  const enteId = login.json().context.enteId as string;
  const target = (await sql<{ id: string }>`SELECT id FROM fixture_record WHERE ente_id = ${enteId} ORDER BY id LIMIT 1 OFFSET 10`.execute(database.db)).rows[0]!.id;

  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const raw = Fastify({ logger: false });
  raw.get<{ Params: { id: string } }>('/raw/get/:id', async (req) => (await database.pool.query('SELECT * FROM fixture_record WHERE id = $1', [req.params.id])).rows[0]);
  raw.get('/raw/list', async () => (await database.pool.query('SELECT * FROM fixture_record WHERE ente_id = $1 ORDER BY id LIMIT 51', [enteId])).rows);
  raw.get('/bare', async () => ({ status: 'ok' }));
  await raw.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (app.server.server.address() as { port: number }).port;
  const rawPort = (raw.server.address() as { port: number }).port;
  const post = (action: string, body: unknown): RequestSpec => ({ port: appPort, method: 'POST', path: `/api/${action}`, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  console.log(`fixture_record: ${RECORDS} rows (scale ${BENCH_SCALE}); actor responsabile (scope ente)`);
  for (const concurrency of [1, 16]) {
    await compareVariants({
      label: 'get one record',
      specs: { pipeline: post('fixtures.getRecord', { id: target }), rawSql: { port: rawPort, method: 'GET', path: `/raw/get/${target}` }, bareFastify: { port: rawPort, method: 'GET', path: '/bare' } },
      concurrency,
      rounds: 3,
      durationMs: DURATION_MS,
      subject: 'pipeline',
      baseline: 'rawSql',
      target: concurrency === 1 ? { p50: 2, p95: 5 } : undefined,
    });
    await compareVariants({
      label: '50-row list',
      specs: { pipeline: post('fixtures.findRecords', { limit: 50 }), rawSql: { port: rawPort, method: 'GET', path: '/raw/list' }, bareFastify: { port: rawPort, method: 'GET', path: '/bare' } },
      concurrency,
      rounds: 3,
      durationMs: DURATION_MS,
      subject: 'pipeline',
      baseline: 'rawSql',
      target: concurrency === 1 ? { p50: 2, p95: 5 } : undefined,
    });
  }

  // Sealer throughput: audited requests leave rows; the sealer must outpace 1,000 of them per second.
  await sealAudit(database.db, 10_000_000);
  const N = scaled(50_000, 5000);
  await sql`INSERT INTO audit_event (chain_key, action, outcome, operator_id, request_id, subject_people)
    SELECT a.id::text, 'fixtures.getRecord', 'ok', NULL, ${crypto.randomUUID()}, ARRAY[gen_random_uuid()]
      FROM generate_series(1, ${N}) g, LATERAL (SELECT id FROM ambito ORDER BY md5(g::text || id::text) LIMIT 1) a`.execute(database.db);
  const t0 = Date.now();
  const sealed = await sealAudit(database.db, 10_000_000);
  const secs = (Date.now() - t0) / 1000;
  console.log(`\n[audit sealer] ${sealed} rows sealed in ${secs.toFixed(2)} s = ${(sealed / secs).toFixed(0)} rows/s (target ≥ 1000/s: ${sealed / secs >= 1000 ? 'met' : 'NOT met'}), scale ${BENCH_SCALE}`);

  await raw.close();
  await app.close();
}
