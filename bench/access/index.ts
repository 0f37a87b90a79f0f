/**
 * bench/access (issue "Access control…"): an authenticated, scoped, masked and audited read of one
 * record and a 50-row scoped list (the fixture repository written like every module's), vs the same
 * queries in raw SQL, vs a bare Fastify route; concurrency 1 and 16, interleaved, median of 3, on
 * PostgreSQL. Targets: auth + scope + audit add ≤ 2 ms p50 and ≤ 5 ms p95 over raw SQL at
 * concurrency 1; the audit sealer keeps up with 1,000 audited requests/s.
 *
 * Two phases (BENCH_ACCESS_PHASES, default `fresh,volume`): `fresh` measures on an empty audit log;
 * `volume` first pre-fills the log with BENCH_AUDIT_ROWS rows (default 2,000,000 × BENCH_SCALE, generated
 * inside PostgreSQL, see audit-volume.ts) and measures the same again, because every audited read
 * inserts into a table that production keeps for ≥ 24 months. Each phase also probes the audit insert
 * alone and the sealer. A summary table closes the run (bench/access/README.md keeps the last one).
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { sql } from 'kysely';
import { createApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { wrapPool } from '../../apps/server/src/db/database.js';
import { sealAudit, verifyChain } from '../../apps/server/src/audit/audit-sealer.js';
import { checkpointKey } from '../../apps/server/src/audit/checkpoint-key.js';
import type { Actor } from '../../apps/server/src/access/actor.js';
import { installRecordFixture } from '../../apps/server/src/testing/fixtures/record-fixture.js';
import { recordFixtureHandlers } from '../../apps/server/src/testing/fixtures/record-actions.js';
import { grantToProfile } from '../../apps/server/src/testing/grant-permissions.js';
import { BENCH_SCALE, scaled } from '../lib/scale.js';
import { compareVariants } from '../lib/compare.js';
import type { RequestSpec } from '../lib/load.js';
import { auditSizes, measureSealer, prefillAudit, probeAuditInserts, type InsertProbe, type SealerFigures } from './audit-volume.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/siso_bench_access';
const RECORDS = scaled(200_000, 2000);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 4000);
const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? scaled(2_000_000, 20_000));
const PHASES = (process.env.BENCH_ACCESS_PHASES ?? 'fresh,volume').split(',').map((p) => p.trim());
if (PHASES.some((p) => p !== 'fresh' && p !== 'volume')) throw new Error('BENCH_ACCESS_PHASES: fresh and/or volume');

interface PhaseResult {
  phase: string;
  auditRows: number;
  overhead: Array<{ label: string; concurrency: number; addP50: number; addP95: number }>;
  inserts: InsertProbe[];
  sealer: SealerFigures;
  dpo: Array<{ filter: string; ms: number; rows: number }>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

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
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: PG_URL, SISO_JOBS: '0', SISO_LOG_LEVEL: 'silent', SISO_MAIL_TRANSPORT: 'memory', SISO_DEMO: '1', SISO_SECRET_KEY: crypto.randomBytes(32).toString('base64') });
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
  const me = login.json() as { context: { ambitoId: string; enteId: string; officeId: string } };
  const operatorId = (await sql<{ id: string }>`SELECT id FROM operator WHERE username = 'responsabile'`.execute(database.db)).rows[0]!.id;
  const probeActor = { operatorId, context: me.context, homeAmbitoId: me.context.ambitoId, profiles: ['responsabile_settore'] } as unknown as Actor;
  const people = (await sql<{ id: string }>`SELECT id FROM fixture_record`.execute(database.db)).rows.map((r) => r.id);
  const key = checkpointKey(config);
  // The DPO's searches of the audit log (audit.find, first page of 50), through the whole pipeline.
  const dpoLogin = await app.server.inject({ method: 'POST', url: '/api/auth.login', payload: { username: 'dpo', password: config.demoPassword } });
  const dpoCookie = `siso_sid=${dpoLogin.cookies.find((c) => c.name === 'siso_sid')!.value}`;
  const someone = people[Math.floor(people.length / 3)]!;
  const dpoFilters: Record<string, Record<string, string>> = {
    'none': {},
    'person (who read my file)': { person: someone },
    'record': { recordKind: 'person', recordId: someone },
    'operator (id)': { operator: crypto.createHash('md5').update('bench-operator-150').digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5') },
    'operator (username)': { operator: 'responsabile' },
    'action': { action: 'persons.update' },
    'break-the-glass tab': { action: 'breakGlass.open' },
    'one day, a year ago': { from: day(-365), to: day(-365) },
    'one month, a year ago': { from: day(-365), to: day(-335) },
  };
  const probeDpo = async (): Promise<PhaseResult['dpo']> => {
    const out: PhaseResult['dpo'] = [];
    for (const [filter, input] of Object.entries(dpoFilters)) {
      const ms: number[] = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const t0 = process.hrtime.bigint();
        const res = await app.server.inject({ method: 'POST', url: '/api/audit.find', headers: { cookie: dpoCookie }, payload: { ...input, limit: 50 } });
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.statusCode !== 200) throw new Error(`audit.find ${filter}: HTTP ${res.statusCode} ${res.body}`);
        rows = (res.json() as { items: unknown[] }).items.length;
      }
      out.push({ filter, ms: ms.sort((a, b) => a - b)[2]!, rows });
    }
    console.log(`[audit.find as dpo, median of 5] ${out.map((d) => `${d.filter}: ${d.ms.toFixed(1)} ms (${d.rows})`).join('; ')}`);
    return out;
  };
  const auditCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event`.execute(database.db)).rows[0]!.n);

  const phases: PhaseResult[] = [];
  for (const phase of PHASES) {
    if (phase === 'volume') {
      console.log(`\n--- phase volume: pre-filling the audit log with ${AUDIT_ROWS.toLocaleString('en')} rows (scale ${BENCH_SCALE}) ---`);
      await prefillAudit(database.db, AUDIT_ROWS, key, (m) => console.log(m));
    } else {
      console.log('\n--- phase fresh: empty audit log ---');
    }
    await sealAudit(database.db, 10_000_000, { full: true });
    const auditRows = await auditCount();
    console.log(`audit_event: ${auditRows.toLocaleString('en')} rows`);
    const overhead: PhaseResult['overhead'] = [];
    for (const concurrency of [1, 16]) {
      const get = await compareVariants({
        label: `get one record, audit ${auditRows.toLocaleString('en')} rows`,
        specs: { pipeline: post('fixtures.getRecord', { id: target }), rawSql: { port: rawPort, method: 'GET', path: `/raw/get/${target}` }, bareFastify: { port: rawPort, method: 'GET', path: '/bare' } },
        concurrency,
        rounds: 3,
        durationMs: DURATION_MS,
        subject: 'pipeline',
        baseline: 'rawSql',
        target: concurrency === 1 ? { p50: 2, p95: 5 } : undefined,
      });
      overhead.push({ label: 'get one record', concurrency, ...get });
      const list = await compareVariants({
        label: `50-row list, audit ${auditRows.toLocaleString('en')} rows`,
        specs: { pipeline: post('fixtures.findRecords', { limit: 50 }), rawSql: { port: rawPort, method: 'GET', path: '/raw/list' }, bareFastify: { port: rawPort, method: 'GET', path: '/bare' } },
        concurrency,
        rounds: 3,
        durationMs: DURATION_MS,
        subject: 'pipeline',
        baseline: 'rawSql',
        target: concurrency === 1 ? { p50: 2, p95: 5 } : undefined,
      });
      overhead.push({ label: '50-row list', concurrency, ...list });
    }
    // The audit row alone (random subjects, as real traffic notes them), then the sealer.
    await sealAudit(database.db, 10_000_000, { full: true });
    const inserts = await probeAuditInserts(database.db, probeActor, people, scaled(20_000, 2000), () => app.services.afterCommit({ audit: true, outbox: false }));
    for (const i of inserts) {
      console.log(
        `[audit insert alone, ${i.kind}] mean ${i.mean.toFixed(3)} p50 ${i.p50.toFixed(3)} p95 ${i.p95.toFixed(3)} p99 ${i.p99.toFixed(3)} p99.9 ${i.p999.toFixed(1)} max ${i.max.toFixed(1)} ms, ${i.walBytes.toFixed(0)} B WAL/row`,
      );
    }
    const sealer = await measureSealer(database.db, scaled(50_000, 5000));
    console.log(
      `[audit sealer] ${sealer.rows} rows at ${sealer.rowsPerSec.toFixed(0)} rows/s (target ≥ 1000/s: ${sealer.rowsPerSec >= 1000 ? 'met' : 'NOT met'}); ` +
        `idle pass ${sealer.idlePassMs.toFixed(1)} ms, idle full pass ${sealer.fullIdlePassMs.toFixed(1)} ms; audit ${auditRows.toLocaleString('en')} rows, scale ${BENCH_SCALE}`,
    );
    const dpo = await probeDpo();
    phases.push({ phase, auditRows, overhead, inserts, sealer, dpo });
  }

  const sizes = await auditSizes(database.db);
  console.log(`\n[audit sizes, ${(await auditCount()).toLocaleString('en')} rows] ${sizes.map((x) => `${x.name} ${x.mb.toFixed(1)} MB`).join(', ')}`);
  const chains = (await sql<{ chain_key: string }>`SELECT DISTINCT chain_key FROM audit_seal`.execute(database.db)).rows;
  for (const c of chains) {
    const v = await verifyChain(database.db, c.chain_key, key);
    if (!v.ok) throw new Error(`chain ${c.chain_key} broken: ${JSON.stringify(v.firstBroken)}`);
  }
  console.log(`[audit verify] ${chains.length} chains intact`);

  // Summary (Markdown, as bench/access/README.md keeps it).
  const f = (n: number) => n.toFixed(2);
  console.log(`\n## bench/access summary — BENCH_SCALE=${BENCH_SCALE}, ${DURATION_MS / 1000}s rounds, median of 3\n`);
  console.log('| phase | audit rows | request | conc. | +p50 ms | +p95 ms | target (c=1) |');
  console.log('|---|---:|---|---:|---:|---:|---|');
  for (const p of phases) {
    for (const o of p.overhead) {
      const verdict = o.concurrency === 1 ? (o.addP50 <= 2 && o.addP95 <= 5 ? 'met' : 'NOT met') : '—';
      console.log(`| ${p.phase} | ${p.auditRows.toLocaleString('en')} | ${o.label} | ${o.concurrency} | ${f(o.addP50)} | ${f(o.addP95)} | ${verdict} |`);
    }
  }
  console.log('\n| phase | audit rows | audit insert | mean ms | p50 | p95 | p99 | p99.9 | max | WAL B/row |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of phases) {
    for (const i of p.inserts) {
      console.log(`| ${p.phase} | ${p.auditRows.toLocaleString('en')} | ${i.kind} | ${f(i.mean)} | ${f(i.p50)} | ${f(i.p95)} | ${f(i.p99)} | ${f(i.p999)} | ${f(i.max)} | ${i.walBytes.toFixed(0)} |`);
    }
  }
  console.log(`\n| audit.find filter (first page, ms) | ${phases.map((p) => `${p.phase}, ${p.auditRows.toLocaleString('en')} rows`).join(' | ')} |`);
  console.log(`|---|${phases.map(() => '---:').join('|')}|`);
  for (const filter of Object.keys(dpoFilters)) {
    console.log(`| ${filter} | ${phases.map((p) => { const d = p.dpo.find((x) => x.filter === filter)!; return `${f(d.ms)} (${d.rows})`; }).join(' | ')} |`);
  }
  console.log('\n| phase | audit rows | sealer rows/s | idle pass ms | idle full pass ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const p of phases) {
    console.log(`| ${p.phase} | ${p.auditRows.toLocaleString('en')} | ${p.sealer.rowsPerSec.toFixed(0)} | ${f(p.sealer.idlePassMs)} | ${f(p.sealer.fullIdlePassMs)} |`);
  }

  await raw.close();
  await app.close();
}
