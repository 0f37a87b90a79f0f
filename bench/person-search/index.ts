/**
 * bench/person-search (issue 4, "Benchmark"): p50/p95 of `persons.find` through the HTTP API, logged
 * in as a desk operator (office scope, previews of the rest of the ambito), for four kinds of search
 * drawn from the generated people — exact fiscal code, surname prefix, typo'd full name, name + birth
 * date — vs the same candidate + ranking SQL run with the pg driver directly (the operator's scope
 * written plainly). 1,000,000 people × BENCH_SCALE on PostgreSQL (named database, rebuilt only when
 * the scale or the schema changes), 100,000 × BENCH_SCALE on PGlite; 10 ambiti of 5 enti.
 * Concurrency 1 (and 8 on PostgreSQL), interleaved rounds, median of 3.
 * Targets (PostgreSQL): p95 ≤ 50 ms and ≤ 1.5× the raw-SQL p95 per kind; PGlite within 3× of PostgreSQL.
 * Writes bench/person-search/last-run.md (table + EXPLAIN (ANALYZE, BUFFERS) summaries).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { createApp, type App } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { openDatabase, wrapPool, type Database } from '../../apps/server/src/db/database.js';
import { planSearch } from '../../apps/server/src/modules/persons/search/search-query.js';
import { SEARCH_SETTINGS, searchPersonsQuery } from '../../apps/server/src/modules/persons/search/search-persons.js';
import { BENCH_SCALE, scaled } from '../lib/scale.js';
import { ensurePgDatabase, pgliteDir } from '../lib/bench-database.js';
import { median, percentile } from '../lib/load.js';
import { ensureOrganisation, ensurePeople, fingerprint, storedFingerprint, SEED } from './data.js';
import { QUERY_LABEL, QUERY_TYPES, drawQueries, type BenchQuery, type QueryType } from './queries.js';

type Backend = 'postgres' | 'pglite';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/siso_bench_person_search';
const PEOPLE: Record<Backend, number> = { postgres: scaled(1_000_000, 10_000), pglite: scaled(100_000, 5_000) };
const ROUNDS = 3;
/** Requests per (round, kind, variant): each one a different drawn value. */
const PER_RUN = Number(process.env.BENCH_QUERIES ?? 200);
const CONCURRENCY: Record<Backend, number[]> = { postgres: [1, 8], pglite: [1] };
const TARGET = { p95Ms: 50, overRaw: 1.5, pgliteOverPg: 3 };
const HERE = new URL('./', import.meta.url);

interface Stats {
  p50: number;
  p95: number;
  rps: number;
}
interface Row {
  backend: Backend;
  people: number;
  type: QueryType;
  concurrency: number;
  api: Stats;
  raw: Stats;
  hits: string;
}

const log = (m: string) => console.log(m);

/** Closed loop: `concurrency` workers each take the next operation as soon as the previous ends. */
async function measure(ops: Array<() => Promise<void>>, concurrency: number): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ops.length) {
        const op = ops[next++]!;
        const s = process.hrtime.bigint();
        await op();
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    }),
  );
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), rps: latencies.length / secs };
}

function postJson(agent: http.Agent, port: number, cookie: string, body: unknown): Promise<{ status: number; json: () => unknown }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/persons.find', agent, headers: { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
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

async function openBackend(kind: Backend): Promise<{ app: App; database: Database; dataDir: string }> {
  const people = PEOPLE[kind];
  let dataDir: string;
  if (kind === 'postgres') {
    await ensurePgDatabase(PG_URL, fingerprint(people), storedFingerprint, log);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-bench-'));
  } else {
    dataDir = pgliteDir('person-search', fingerprint(people));
  }
  const config = loadConfig({
    NODE_ENV: 'test', SISO_DATA_DIR: dataDir, SISO_JOBS: '0', SISO_LOG_LEVEL: 'silent', SISO_MAIL_TRANSPORT: 'memory', SISO_DEMO: '1',
    ...(kind === 'postgres' ? { DATABASE_URL: PG_URL } : {}),
  });
  let database = kind === 'postgres' ? wrapPool('postgres', new pg.Pool({ connectionString: PG_URL, max: 16 })) : await openDatabase({ ...config, poolMax: 16 });
  if (kind === 'pglite') {
    // A directory left by an interrupted load: start over.
    const t = await database.pool.query<{ t: string | null }>(`SELECT to_regclass('person')::text AS t`);
    if (t.rows[0]?.t && (await storedFingerprint(database.pool)) !== fingerprint(people)) {
      const n = (await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person')).rows[0]!.n;
      if (n > 0) {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
        fs.mkdirSync(dataDir, { recursive: true });
        database = await openDatabase({ ...config, poolMax: 16 });
      }
    }
  }
  const app = await createApp(config, database, { logger: false, serveWeb: false });
  const ambiti = await ensureOrganisation(database.db);
  const t0 = Date.now();
  if (await ensurePeople(database.pool, ambiti, people, log)) log(`${kind}: ${people} people generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  else log(`${kind}: reusing ${people} people (fingerprint ${fingerprint(people)})`);
  return { app, database, dataDir };
}

function rawQuery(database: Database, ambitoId: string, officeId: string, input: BenchQuery['input']) {
  const scope = sql<boolean>`p.office_id = ${officeId}`;
  return searchPersonsQuery(ambitoId, { inScope: scope, canUpdate: scope, rule: (alias: string) => sql`${sql.ref(`${alias}.ambito_id`)} = ${ambitoId}` }, { plan: planSearch(input.q), birthDate: input.birthDate, includeMerged: false, limit: 20, previews: true }).compile(database.db);
}

/**
 * Condensed EXPLAIN (ANALYZE, BUFFERS): the plan nodes that do the work with their time and rows,
 * index conditions (uuids elided, truncated), the buffers of the top node, planning and execution time.
 */
async function explain(pool: pg.Pool, compiled: { sql: string; parameters: readonly unknown[] }): Promise<string[]> {
  const r = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${compiled.sql}`, [...compiled.parameters]);
  const out: string[] = [];
  let buffersShown = false;
  for (const l of r.rows.map((x) => x['QUERY PLAN'])) {
    const t = l.trim().replace(/^->\s+/, '');
    const detail = /^[A-Z][A-Za-z ]*:/.test(t); // "Sort Key: …", "Index Cond: …"
    if (!detail && /^(Limit|Sort|Nested Loop|Hash Join|HashAggregate|Append|Bitmap|Index|Seq Scan|CTE Scan|InitPlan|SubPlan)/.test(t)) {
      out.push(l.replace(/ \(actual time=[0-9.]+\.\.([0-9.]+) rows=([0-9.]+) loops=(\d+)\)/, (_, ms: string, n: string, loops: string) => ` (${ms} ms, ${Number(n)} rows × ${loops})`));
    } else if (t.startsWith('Index Cond:')) {
      const c = l.replace(/'[0-9a-f-]{36}'::uuid/g, '…');
      out.push(c.length > 130 ? `${c.slice(0, 127)}...` : c);
    } else if (t.startsWith('Buffers:') && !buffersShown) {
      out.push(l);
      buffersShown = true;
    } else if (/^(Planning Time|Execution Time):/.test(t)) out.push(l);
  }
  return out;
}

async function measureBackend(kind: Backend, rows: Row[], explains: string[]): Promise<void> {
  const { app, database, dataDir } = await openBackend(kind);
  try {
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.server.address() as { port: number }).port;
    const password = app.services.config.demoPassword;
    const login = await app.server.inject({ method: 'POST', url: '/api/auth.login', payload: { username: 'sportello', password } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    const cookie = `siso_sid=${login.cookies.find((c) => c.name === 'siso_sid')!.value}`;
    const context = login.json<{ context: { ambitoId: string; enteId: string; officeId: string } }>().context;
    const inScope = await database.pool.query<{ all: number; mine: number }>(
      'SELECT count(*)::int AS all, count(*) FILTER (WHERE office_id = $2)::int AS mine FROM person WHERE ambito_id = $1',
      [context.ambitoId, context.officeId],
    );
    log(`${kind}: operator "sportello" (office scope): ${inScope.rows[0]!.mine} people in scope of ${inScope.rows[0]!.all} in the ambito`);
    const queries = await drawQueries(database.pool, context.ambitoId, PER_RUN, SEED);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    // Raw SQL: the handler applies SEARCH_SETTINGS per transaction; here they are the session's (a
    // pool of its own on PostgreSQL; PGlite has one connection, shared with the app).
    const settings = Object.entries(SEARCH_SETTINGS);
    const rawPool =
      kind === 'postgres' ? new pg.Pool({ connectionString: PG_URL, max: 16, options: settings.map(([k, v]) => `-c ${k}=${v}`).join(' ') }) : database.pool;
    if (kind === 'pglite') for (const [k, v] of settings) await rawPool.query(`SET ${k} = ${v}`);

    // Same answers both ways, and how often the drawn person is among them.
    const hits: Partial<Record<QueryType, string>> = {};
    for (const type of QUERY_TYPES) {
      let found = 0;
      for (const [i, q] of queries[type].entries()) {
        const res = await postJson(agent, port, cookie, q.input);
        if (res.status !== 200) throw new Error(`persons.find ${JSON.stringify(q.input)}: HTTP ${res.status} ${JSON.stringify(res.json())}`);
        const apiIds = (res.json() as { items: Array<{ id: string }> }).items.map((x) => x.id);
        if (apiIds.includes(q.targetId)) found += 1;
        if (i < 25) {
          const c = rawQuery(database, context.ambitoId, context.officeId, q.input);
          const rawIds = (await rawPool.query<{ id: string }>(c.sql, [...c.parameters])).rows.map((x) => x.id);
          if (rawIds.join() !== apiIds.join()) throw new Error(`raw SQL and persons.find disagree on ${JSON.stringify(q.input)}`);
        }
      }
      hits[type] = `${((found / queries[type].length) * 100).toFixed(0)}%`;
    }

    const apiOps = (type: QueryType) =>
      queries[type].map((q) => async () => {
        const r = await postJson(agent, port, cookie, q.input);
        if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
      });
    const rawOps = (type: QueryType) =>
      queries[type].map((q) => {
        const c = rawQuery(database, context.ambitoId, context.officeId, q.input);
        return async () => {
          await rawPool.query(c.sql, [...c.parameters]);
        };
      });
    for (const concurrency of CONCURRENCY[kind]) {
      const results = new Map<string, Stats[]>();
      for (const type of QUERY_TYPES) {
        await measure(apiOps(type).slice(0, 50), concurrency); // warm-up
        await measure(rawOps(type).slice(0, 50), concurrency);
      }
      for (let round = 0; round < ROUNDS; round++) {
        for (const type of QUERY_TYPES) {
          // Alternate which variant goes first, so neither always finds the other's cache.
          const order = round % 2 === 0 ? (['api', 'raw'] as const) : (['raw', 'api'] as const);
          for (const v of order) {
            const s = await measure(v === 'api' ? apiOps(type) : rawOps(type), concurrency);
            const key = `${type}/${v}`;
            results.set(key, [...(results.get(key) ?? []), s]);
          }
        }
      }
      const med = (key: string): Stats => {
        const list = results.get(key)!;
        return { p50: median(list.map((s) => s.p50)), p95: median(list.map((s) => s.p95)), rps: median(list.map((s) => s.rps)) };
      };
      for (const type of QUERY_TYPES) {
        rows.push({ backend: kind, people: PEOPLE[kind], type, concurrency, api: med(`${type}/api`), raw: med(`${type}/raw`), hits: hits[type]! });
      }
      printTable(rows.filter((r) => r.backend === kind && r.concurrency === concurrency), rows);
    }

    // The plans in full on PostgreSQL; PGlite's (the same shapes) by their timings only, to stay small.
    explains.push(`### ${kind}, ${PEOPLE[kind].toLocaleString('en')} people (BENCH_SCALE=${BENCH_SCALE})`, '');
    for (const type of QUERY_TYPES) {
      const q = queries[type][7]!;
      const plan = await explain(rawPool, rawQuery(database, context.ambitoId, context.officeId, q.input));
      if (kind === 'postgres') explains.push(`**${QUERY_LABEL[type]}** — \`${JSON.stringify(q.input)}\``, '```', ...plan, '```', '');
      else explains.push(`- ${QUERY_LABEL[type]} \`${JSON.stringify(q.input)}\`: ${plan.filter((l) => /Time:/.test(l)).map((l) => l.trim()).join(', ')}`);
    }
    explains.push('');
    agent.destroy();
    if (rawPool !== database.pool) await rawPool.end();
  } finally {
    await app.close();
    if (kind === 'postgres') fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function verdict(r: Row, all: Row[]): string {
  if (r.backend === 'postgres') {
    if (r.concurrency !== 1) return '—';
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    return `≤ ${TARGET.p95Ms} ms ${met(r.api.p95 <= TARGET.p95Ms)}, ≤ ${TARGET.overRaw}× raw ${met(r.api.p95 <= TARGET.overRaw * r.raw.p95)}`;
  }
  const pgRow = all.find((x) => x.backend === 'postgres' && x.type === r.type && x.concurrency === r.concurrency);
  if (!pgRow) return '—';
  return r.api.p95 <= TARGET.pgliteOverPg * pgRow.api.p95 ? `met (×${(r.api.p95 / pgRow.api.p95).toFixed(2)} PG)` : `NOT met (×${(r.api.p95 / pgRow.api.p95).toFixed(2)} PG)`;
}

function tableLines(rows: Row[], all: Row[]): string[] {
  const f = (n: number) => n.toFixed(2).padStart(7);
  const out = [
    `| backend | people | search | conc. | API p50 ms | API p95 ms | raw p50 ms | raw p95 ms | API/raw p95 | API req/s | target found | target | scale |`,
    `|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|`,
  ];
  for (const r of rows) {
    out.push(
      `| ${r.backend} | ${r.people.toLocaleString('en')} | ${QUERY_LABEL[r.type]} | ${r.concurrency} | ${f(r.api.p50)} | ${f(r.api.p95)} | ${f(r.raw.p50)} | ${f(r.raw.p95)} | ×${(r.api.p95 / r.raw.p95).toFixed(2)} | ${r.api.rps.toFixed(0)} | ${r.type === 'surnamePrefix' ? `(${r.hits})` : r.hits} | ${verdict(r, all)} | ${BENCH_SCALE} |`,
    );
  }
  return out;
}

function printTable(rows: Row[], all: Row[]): void {
  console.log(`\n[persons.find] BENCH_SCALE=${BENCH_SCALE}, median of ${ROUNDS} interleaved rounds of ${PER_RUN} different queries per kind`);
  for (const l of tableLines(rows, all)) console.log(l);
}

export async function run(): Promise<void> {
  const backends = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',') as Backend[];
  const loadBefore = os.loadavg()[0]!;
  const rows: Row[] = [];
  const explains: string[] = [];
  for (const kind of backends) await measureBackend(kind, rows, explains);
  console.log(`\n[persons.find] all results, BENCH_SCALE=${BENCH_SCALE}`);
  const table = tableLines(rows, rows);
  for (const l of table) console.log(l);
  const md = [
    `# bench/person-search — last run`,
    '',
    `${new Date().toISOString().slice(0, 10)}, BENCH_SCALE=${BENCH_SCALE}, ${os.cpus().length} CPU (1-minute load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end), median of ${ROUNDS} interleaved rounds of ${PER_RUN} different queries per kind.`,
    `Targets (PostgreSQL, concurrency 1): API p95 ≤ ${TARGET.p95Ms} ms and ≤ ${TARGET.overRaw}× raw-SQL p95; PGlite API p95 within ${TARGET.pgliteOverPg}× PostgreSQL.`,
    `"target found": share of searches whose drawn person is among the 20 results (for a 3–5 letter prefix, in brackets: many people share it).`,
    '',
    ...table,
    '',
    '## EXPLAIN (ANALYZE, BUFFERS), one query of each kind (condensed)',
    '',
    ...explains,
  ];
  fs.writeFileSync(new URL('last-run.md', HERE), `${md.join('\n')}\n`);
  console.log(`\nwritten bench/person-search/last-run.md`);
}
