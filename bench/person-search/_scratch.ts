import pg from 'pg';
import { sql } from 'kysely';
import { wrapPool } from '../../apps/server/src/db/database.js';
import { planSearch } from '../../apps/server/src/modules/persons/search/search-query.js';
import { searchPersonsQuery } from '../../apps/server/src/modules/persons/search/search-persons.js';
import { drawQueries, QUERY_TYPES } from './queries.js';

const url = process.env.URL ?? 'postgres://postgres@127.0.0.1:5432/siso_bench_person_search';
const N = Number(process.env.N ?? 30);
const only = process.env.TYPES?.split(',');
const database = wrapPool('postgres', new pg.Pool({ connectionString: url, max: 2 }));
const ctx = (await database.pool.query<{ ambito_id: string; office_id: string }>(
  `SELECT a.ambito_id, a.office_id FROM assignment a JOIN operator o ON o.id = a.operator_id WHERE o.username = 'sportello'`,
)).rows[0]!;
const queries = await drawQueries(database.pool, ctx.ambito_id, 200, 4);
if (process.env.Q) { queries.typoName = [{ input: { q: process.env.Q }, targetId: '' }]; }
for (const type of QUERY_TYPES) {
  if (only && !only.includes(type)) continue;
  const times: number[] = [];
  let first = true;
  for (const q of queries[type].slice(0, N)) {
    const scope = sql<boolean>`p.office_id = ${ctx.office_id}`;
    const c = searchPersonsQuery(ctx.ambito_id, { inScope: scope, canUpdate: scope }, { plan: planSearch(q.input.q), birthDate: q.input.birthDate, includeMerged: false, limit: 20, previews: true }).compile(database.db);
    const t0 = process.hrtime.bigint();
    const r = await database.pool.query(c.sql, [...c.parameters]);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    times.push(ms);
    if (process.env.SLOW && ms > Number(process.env.SLOW)) console.log(`  slow ${ms.toFixed(1)} ms ${JSON.stringify(q.input)} rows=${r.rowCount}`);
    if (first && process.env.PLAN) {
      first = false;
      const e = await database.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, [...c.parameters]);
      console.log(JSON.stringify(q.input), r.rowCount);
      console.log(e.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
    }
  }
  times.sort((a, b) => a - b);
  console.log(`${type}: p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)}`);
}
await database.close();
