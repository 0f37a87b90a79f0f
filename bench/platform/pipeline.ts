/**
 * bench/platform, pipeline (issue "Platform foundation"): requests/s and p50/p95 of a JSON action that reads one
 * row through the whole pipeline (session, validation, read-only transaction, presentation, output
 * schema) vs the same query in raw SQL behind a bare route vs a bare Fastify JSON route, at
 * concurrency 1 and 16, interleaved rounds, median of 3; on PostgreSQL and on PGlite.
 * Target: the pipeline adds ≤ 1 ms p50 and ≤ 3 ms p95 over raw SQL at concurrency 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { sql } from 'kysely';
import { createApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { openDatabase, wrapPool, type Database } from '../../apps/server/src/db/database.js';
import { scaled } from '../lib/scale.js';
import type { RequestSpec } from '../lib/load.js';
import { compareVariants } from '../lib/compare.js';

const ROUNDS = 3;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 4000);
const ROWS = scaled(100_000, 1000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/siso_bench_platform';

async function ensurePgDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

async function seedRuns(database: Database): Promise<string> {
  const have = await sql<{ n: number }>`SELECT count(*)::int AS n FROM job_run WHERE job_name = 'bench.row'`.execute(database.db);
  if (have.rows[0]!.n < ROWS) {
    // Generated inside the database (architecture: large datasets via generate_series).
    await sql`INSERT INTO job_run (id, job_name, job_version, trigger, status, attempt, queued_at, progress_done)
              SELECT gen_random_uuid(), 'bench.row', 1, 'schedule', 'succeeded', 1, now() - (g || ' seconds')::interval, g % 100
                FROM generate_series(1, ${ROWS - have.rows[0]!.n}) g`.execute(database.db);
  }
  const pick = await sql<{ id: string }>`SELECT id FROM job_run WHERE job_name = 'bench.row' ORDER BY queued_at LIMIT 1 OFFSET ${Math.floor(ROWS / 2)}`.execute(database.db);
  return pick.rows[0]!.id;
}

async function measure(kind: 'postgres' | 'pglite'): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-bench-'));
  const config = loadConfig({ NODE_ENV: 'test', SISO_DATA_DIR: dataDir, SISO_JOBS: '0', SISO_LOG_LEVEL: 'silent', SISO_MAIL_TRANSPORT: 'memory', SISO_DEMO: '1', ...(kind === 'postgres' ? { DATABASE_URL: PG_URL } : {}) });
  if (kind === 'postgres') await ensurePgDatabase(PG_URL);
  const database = kind === 'postgres' ? wrapPool('postgres', new pg.Pool({ connectionString: PG_URL, max: 16 })) : await openDatabase({ ...config, poolMax: 16 });
  const app = await createApp(config, database, { logger: false, serveWeb: false });
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const runId = await seedRuns(database);

  // A logged-in administrator (the persona allowed to read job runs).
  const login = await app.server.inject({ method: 'POST', url: '/api/auth.login', payload: { username: 'admin', password: config.demoPassword } });
  const cookie = `siso_sid=${login.cookies.find((c) => c.name === 'siso_sid')!.value}`;

  const raw = Fastify({ logger: false });
  raw.get<{ Params: { id: string } }>('/raw/:id', async (req) => {
    const r = await database.pool.query('SELECT * FROM job_run WHERE id = $1', [req.params.id]);
    return r.rows[0];
  });
  raw.get('/bare', async () => ({ status: 'ok', id: runId }));
  await raw.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (app.server.server.address() as { port: number }).port;
  const rawPort = (raw.server.address() as { port: number }).port;

  const specs: Record<string, RequestSpec> = {
    pipeline: { port: appPort, method: 'POST', path: '/api/jobs.getRun', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ id: runId }) },
    rawSql: { port: rawPort, method: 'GET', path: `/raw/${runId}` },
    bareFastify: { port: rawPort, method: 'GET', path: '/bare' },
  };
  for (const concurrency of [1, 16]) {
    await compareVariants({
      label: `${kind}, ${ROWS} rows`,
      specs,
      concurrency,
      rounds: ROUNDS,
      durationMs: DURATION_MS,
      subject: 'pipeline',
      baseline: 'rawSql',
      target: concurrency === 1 ? { p50: 1, p95: 3 } : undefined,
    });
  }
  await raw.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export async function runPipeline(): Promise<void> {
  const backends = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',') as Array<'postgres' | 'pglite'>;
  for (const kind of backends) await measure(kind);
}
