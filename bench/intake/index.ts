/**
 * bench/intake (issue 5, "Benchmark"): with 1M people and 2M existing schede on PostgreSQL, p50/p95
 * through the HTTP API, logged in as the desk operator `sportello` (office scope), of
 *  - opening the desk home (desks.home) vs the same reads in raw SQL;
 *  - listing the desk's schede for a month (intakeRecords.find officeId + from/to, first page of 50,
 *    a different month of the ~5-year history per request) vs the same reads in raw SQL;
 *  - saving a full scheda (intakeRecords.create with every section filled, a different person each
 *    time: one request, as the desk's single-page form saves it).
 * Targets (PostgreSQL, concurrency 1): save p95 ≤ 100 ms, list p95 ≤ 50 ms, reads ≤ 1.5× raw-SQL p95.
 * Volumes × BENCH_SCALE: PostgreSQL 1,000,000 people and 2,000,000 schede; PGlite 100,000 and 200,000.
 * Interleaved rounds (API/raw order alternating), median of 3. Writes bench/intake/last-run.md.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp, type App } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { openDatabase, wrapPool, type Database } from '../../apps/server/src/db/database.js';
import { BENCH_SCALE, scaled } from '../lib/scale.js';
import { ensurePgDatabase, pgliteDir } from '../lib/bench-database.js';
import { median, percentile } from '../lib/load.js';
import { ensureData, fingerprint, removeSavedSchede, storedFingerprint, type Volumes } from './data.js';
import { fullScheda } from './full-scheda.js';
import { homeQueries, listRows, rawHome, rawList, type Compiled } from './raw.js';
import { HISTORY_DAYS } from './schede-sql.js';

type Backend = 'postgres' | 'pglite';
type Workload = 'home' | 'list' | 'save';
const WORKLOADS: Workload[] = ['home', 'list', 'save'];
const LABEL: Record<Workload, string> = { home: 'desk home (desks.home)', list: 'month list (intakeRecords.find)', save: 'save full scheda (intakeRecords.create)' };

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/siso_bench_intake';
const VOLUMES: Record<Backend, Volumes> = {
  postgres: { people: scaled(1_000_000, 10_000), schede: scaled(2_000_000, 20_000) },
  pglite: { people: scaled(100_000, 5_000), schede: scaled(200_000, 10_000) },
};
const ROUNDS = 3;
/** Requests per (round, workload, variant). */
const PER_RUN = Number(process.env.BENCH_QUERIES ?? 100);
const TARGET = { saveP95: 100, listP95: 50, overRaw: 1.5 };
const HERE = new URL('./', import.meta.url);

interface Stats {
  p50: number;
  p95: number;
  rps: number;
}
interface Row {
  backend: Backend;
  volumes: Volumes;
  workload: Workload;
  api: Stats;
  raw: Stats | null;
  note: string;
}

const log = (m: string) => console.log(m);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** Today on the Italian calendar, as the handlers date "today" (todayInRome). */
const todayInRome = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

async function measure(ops: Array<() => Promise<void>>): Promise<Stats> {
  const latencies: number[] = [];
  const t0 = process.hrtime.bigint();
  for (const op of ops) {
    const s = process.hrtime.bigint();
    await op();
    latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), rps: latencies.length / secs };
}

interface Session {
  port: number;
  cookie: string;
  csrf: string;
  agent: http.Agent;
}

function call(s: Session, action: string, body: unknown): Promise<{ status: number; json: () => unknown }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1', port: s.port, method: 'POST', path: `/api/${action}`, agent: s.agent,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function ok(s: Session, action: string, body: unknown): Promise<unknown> {
  const r = await call(s, action, body);
  if (r.status !== 200) throw new Error(`${action}: HTTP ${r.status} ${JSON.stringify(r.json())}`);
  return r.json();
}

async function openBackend(kind: Backend): Promise<{ app: App; database: Database; dataDir: string }> {
  const v = VOLUMES[kind];
  let dataDir: string;
  if (kind === 'postgres') {
    await ensurePgDatabase(PG_URL, fingerprint(v), storedFingerprint, log);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-bench-'));
  } else {
    dataDir = pgliteDir('intake', fingerprint(v));
  }
  const config = loadConfig({
    NODE_ENV: 'test', SISO_DATA_DIR: dataDir, SISO_JOBS: '0', SISO_LOG_LEVEL: 'silent', SISO_MAIL_TRANSPORT: 'memory', SISO_DEMO: '1',
    ...(kind === 'postgres' ? { DATABASE_URL: PG_URL } : {}),
  });
  let database = kind === 'postgres' ? wrapPool('postgres', new pg.Pool({ connectionString: PG_URL, max: 16 })) : await openDatabase({ ...config, poolMax: 16 });
  if (kind === 'pglite') {
    // A directory left by an interrupted load: start over.
    const t = await database.pool.query<{ t: string | null }>(`SELECT to_regclass('intake_record')::text AS t`);
    if (t.rows[0]?.t && (await storedFingerprint(database.pool)) !== fingerprint(v)) {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir, { recursive: true });
      database = await openDatabase({ ...config, poolMax: 16 });
    }
  }
  const app = await createApp(config, database, { logger: false, serveWeb: false });
  const t0 = Date.now();
  if (await ensureData(database.db, database.pool, v, log)) log(`${kind}: ${v.people} people and ${v.schede} schede generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  else log(`${kind}: reusing ${v.people} people and ${v.schede} schede (fingerprint ${fingerprint(v)})`);
  return { app, database, dataDir };
}

/** Condensed EXPLAIN (ANALYZE, BUFFERS): plan nodes with time and rows, index conditions, buffers, timings. */
async function explain(pool: pg.Pool, c: Compiled): Promise<string[]> {
  const r = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${c.sql}`, c.parameters);
  const out: string[] = [];
  let buffersShown = false;
  for (const l of r.rows.map((x) => x['QUERY PLAN'])) {
    const t = l.trim().replace(/^->\s+/, '');
    const detail = /^[A-Z][A-Za-z ]*:/.test(t);
    if (!detail && /^(Limit|Sort|Incremental Sort|Nested Loop|Hash|Merge|Aggregate|HashAggregate|GroupAggregate|Append|Bitmap|Index|Seq Scan|InitPlan|SubPlan|Result|Memoize)/.test(t)) {
      out.push(l.replace(/ \(actual time=[0-9.]+\.\.([0-9.]+) rows=([0-9.]+) loops=(\d+)\)/, (_, ms: string, n: string, loops: string) => ` (${ms} ms, ${Number(n)} rows × ${loops})`));
    } else if (/^(Index Cond|Filter|Recheck Cond):/.test(t)) {
      const c2 = l.replace(/'[0-9a-f-]{36}'::uuid/g, '…');
      out.push(c2.length > 140 ? `${c2.slice(0, 137)}...` : c2);
    } else if (t.startsWith('Buffers:') && !buffersShown) {
      out.push(l);
      buffersShown = true;
    } else if (/^(Planning Time|Execution Time):/.test(t)) out.push(l);
  }
  return out;
}

/** Months of the history to list, drawn deterministically (a different one per request). */
function drawMonths(n: number): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  const now = new Date();
  const months = Math.floor(HISTORY_DAYS / 30.5);
  for (let i = 0; i < n; i++) {
    const back = (i * 37) % months; // coprime stride: every month before repeating
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    out.push({ from: isoDay(start), to: isoDay(end) });
  }
  return out;
}

async function measureBackend(kind: Backend, rows: Row[], explains: string[]): Promise<void> {
  const { app, database, dataDir } = await openBackend(kind);
  const v = VOLUMES[kind];
  try {
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.server.address() as { port: number }).port;
    const login = await app.server.inject({ method: 'POST', url: '/api/auth.login', payload: { username: 'sportello', password: app.services.config.demoPassword } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    const body = login.json<{ csrfToken: string; context: { ambitoId: string; enteId: string; officeId: string } }>();
    const s: Session = { port, cookie: `siso_sid=${login.cookies.find((c) => c.name === 'siso_sid')!.value}`, csrf: body.csrfToken, agent: new http.Agent({ keepAlive: true, maxSockets: 4 }) };
    const officeId = body.context.officeId;
    const removed = await removeSavedSchede(database.pool);
    if (removed > 0) log(`${kind}: removed ${removed} schede saved by an earlier run`);
    const today = todayInRome();
    const monthStart = `${today.slice(0, 7)}-01`;
    const sizes = (
      await database.pool.query<{ desk: number; month: number; incomplete: number; inbox: number }>(
        `SELECT count(*)::int AS desk, count(*) FILTER (WHERE access_date >= $2::date)::int AS month, count(*) FILTER (WHERE status = 'incomplete')::int AS incomplete,
                (SELECT count(*)::int FROM intake_transfer WHERE dest_office_id = $1 AND status = 'sent') AS inbox
           FROM intake_record WHERE office_id = $1`,
        [officeId, monthStart],
      )
    ).rows[0]!;
    const note = `desk: ${sizes.desk} schede, ${sizes.month} this month, ${sizes.incomplete} incomplete, ${sizes.inbox} received pending`;
    log(`${kind}: operator "sportello" (office scope) — ${note}`);

    const months = drawMonths(PER_RUN);
    const people = (
      await database.pool.query<{ id: string }>(`SELECT id FROM person WHERE office_id = $1 AND merged_into IS NULL ORDER BY id LIMIT $2`, [officeId, PER_RUN * (ROUNDS + 2)])
    ).rows.map((r) => r.id);
    if (people.length < PER_RUN) throw new Error(`only ${people.length} people in the desk's office`);
    let saves = 0;

    // Raw SQL on a pool of its own on PostgreSQL; PGlite has one connection, shared with the app.
    const rawPool = kind === 'postgres' ? new pg.Pool({ connectionString: PG_URL, max: 4 }) : database.pool;

    // Same answers both ways: the list's first page, the home's lists.
    for (const m of months.slice(0, 10)) {
      const api = (await ok(s, 'intakeRecords.find', { officeId, ...m })) as { items: Array<{ id: string }> };
      const raw = await rawList(rawPool, officeId, m.from, m.to);
      if (api.items.map((x) => x.id).join() !== raw.join()) throw new Error(`raw SQL and intakeRecords.find disagree on ${JSON.stringify(m)}`);
    }
    const home = (await ok(s, 'desks.home', {})) as Record<'today' | 'incomplete' | 'received', Array<{ id: string }>>;
    const rawHomeIds = await rawHome(rawPool, officeId, today, monthStart);
    for (const k of ['today', 'incomplete', 'received'] as const) {
      if (home[k].map((x) => x.id).join() !== rawHomeIds[k].join()) throw new Error(`raw SQL and desks.home disagree on "${k}"`);
    }

    const ops = (w: Workload, variant: 'api' | 'raw'): Array<() => Promise<void>> => {
      if (w === 'home') {
        return Array.from({ length: PER_RUN }, () =>
          variant === 'api' ? async () => void (await ok(s, 'desks.home', {})) : async () => void (await rawHome(rawPool, officeId, today, monthStart)),
        );
      }
      if (w === 'list') {
        return months.map((m) => (variant === 'api' ? async () => void (await ok(s, 'intakeRecords.find', { officeId, ...m })) : async () => void (await rawList(rawPool, officeId, m.from, m.to))));
      }
      return Array.from({ length: PER_RUN }, () => {
        const i = saves++;
        const personId = people[i % people.length]!;
        return async () => void (await ok(s, 'intakeRecords.create', fullScheda(personId, today, i)));
      });
    };

    for (const w of WORKLOADS) {
      await measure(ops(w, 'api').slice(0, 20)); // warm-up
      if (w !== 'save') await measure(ops(w, 'raw').slice(0, 20));
    }
    const results = new Map<string, Stats[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const w of WORKLOADS) {
        const order = w === 'save' ? (['api'] as const) : round % 2 === 0 ? (['api', 'raw'] as const) : (['raw', 'api'] as const);
        for (const variant of order) {
          const st = await measure(ops(w, variant));
          results.set(`${w}/${variant}`, [...(results.get(`${w}/${variant}`) ?? []), st]);
        }
      }
    }
    const med = (key: string): Stats | null => {
      const list = results.get(key);
      if (!list) return null;
      return { p50: median(list.map((x) => x.p50)), p95: median(list.map((x) => x.p95)), rps: median(list.map((x) => x.rps)) };
    };
    for (const w of WORKLOADS) rows.push({ backend: kind, volumes: v, workload: w, api: med(`${w}/api`)!, raw: med(`${w}/raw`), note });
    printTable(rows.filter((r) => r.backend === kind));

    explains.push(`### ${kind}, ${v.people.toLocaleString('en')} people, ${v.schede.toLocaleString('en')} schede (BENCH_SCALE=${BENCH_SCALE})`, '', note, '');
    if (kind === 'postgres') {
      const m = months[3]!;
      explains.push(`**month list rows** — office of \`sportello\`, ${m.from}..${m.to}`, '```', ...(await explain(rawPool as pg.Pool, listRows(officeId, m.from, m.to))), '```', '');
      const names = ["home: today's schede", 'home: incomplete schede', 'home: received (pending)', 'home: counters of the month'];
      const qs = homeQueries(officeId, today, monthStart);
      for (const [i, q] of qs.entries()) explains.push(`**${names[i]}**`, '```', ...(await explain(rawPool as pg.Pool, q)), '```', '');
    }
    s.agent.destroy();
    await removeSavedSchede(database.pool);
    if (rawPool !== database.pool) await rawPool.end();
  } finally {
    await app.close();
    if (kind === 'postgres') fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function verdict(r: Row): string {
  if (r.backend !== 'postgres') return '—';
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  if (r.workload === 'save') return `≤ ${TARGET.saveP95} ms ${met(r.api.p95 <= TARGET.saveP95)}`;
  const vsRaw = `≤ ${TARGET.overRaw}× raw ${met(r.raw !== null && r.api.p95 <= TARGET.overRaw * r.raw.p95)}`;
  return r.workload === 'list' ? `≤ ${TARGET.listP95} ms ${met(r.api.p95 <= TARGET.listP95)}, ${vsRaw}` : vsRaw;
}

function tableLines(rows: Row[]): string[] {
  const f = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2)).padStart(7);
  const out = [
    '| backend | people | schede | workload | API p50 ms | API p95 ms | raw p50 ms | raw p95 ms | API/raw p95 | API req/s | target | scale |',
    '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.backend} | ${r.volumes.people.toLocaleString('en')} | ${r.volumes.schede.toLocaleString('en')} | ${LABEL[r.workload]} | ${f(r.api.p50)} | ${f(r.api.p95)} | ${f(r.raw?.p50)} | ${f(r.raw?.p95)} | ${r.raw ? `×${(r.api.p95 / r.raw.p95).toFixed(2)}` : '—'} | ${r.api.rps.toFixed(0)} | ${verdict(r)} | ${BENCH_SCALE} |`,
    );
  }
  return out;
}

function printTable(rows: Row[]): void {
  console.log(`\n[intake] BENCH_SCALE=${BENCH_SCALE}, concurrency 1, median of ${ROUNDS} interleaved rounds of ${PER_RUN} requests per workload`);
  for (const l of tableLines(rows)) console.log(l);
}

export async function run(): Promise<void> {
  const backends = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',') as Backend[];
  const loadBefore = os.loadavg()[0]!;
  const rows: Row[] = [];
  const explains: string[] = [];
  for (const kind of backends) await measureBackend(kind, rows, explains);
  console.log(`\n[intake] all results, BENCH_SCALE=${BENCH_SCALE}`);
  const table = tableLines(rows);
  for (const l of table) console.log(l);
  const md = [
    '# bench/intake — last run',
    '',
    `${new Date().toISOString().slice(0, 10)}, BENCH_SCALE=${BENCH_SCALE}, ${os.cpus().length} CPU (1-minute load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end), concurrency 1, median of ${ROUNDS} interleaved rounds of ${PER_RUN} requests per workload.`,
    `Targets (PostgreSQL): save p95 ≤ ${TARGET.saveP95} ms; list p95 ≤ ${TARGET.listP95} ms; reads (home, list) API p95 ≤ ${TARGET.overRaw}× raw-SQL p95. Save = one intakeRecords.create with every section filled (no raw comparison).`,
    '',
    ...table,
    '',
    '## EXPLAIN (ANALYZE, BUFFERS) of the raw reads (condensed)',
    '',
    ...explains,
  ];
  fs.writeFileSync(new URL('last-run.md', HERE), `${md.join('\n')}\n`);
  console.log('\nwritten bench/intake/last-run.md');
}
