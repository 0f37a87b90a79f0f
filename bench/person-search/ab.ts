/**
 * A/B of persons.find with a surname prefix between two checkouts (issue 10's before/after), in
 * process on each checkout's bench database: `N` prefixes of 3–5 letters of surnames of the desk's
 * ambito (the same on both databases, which hold the same people), 30 warm-up requests, through
 * Fastify's inject. Copy into the other checkout and run the two alternately, several times:
 *
 *   URL=postgres://postgres@127.0.0.1:5432/siso_bench_person_search N=300 node --import tsx bench/person-search/ab.ts
 */
import pg from 'pg';
import { createApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { wrapPool } from '../../apps/server/src/db/database.js';
const URL = process.env.URL ?? 'postgres://postgres@127.0.0.1:5432/siso_bench_person_search';
const N = Number(process.env.N ?? 300);
const config = loadConfig({ NODE_ENV: 'test', SISO_DATA_DIR: '/tmp/siso-bench-ab', SISO_JOBS: '0', SISO_LOG_LEVEL: 'silent', SISO_MAIL_TRANSPORT: 'memory', SISO_DEMO: '1', DATABASE_URL: URL });
const database = wrapPool('postgres', new pg.Pool({ connectionString: URL, max: 4 }));
const app = await createApp(config, database, { logger: false, serveWeb: false });
const login = await app.server.inject({ method: 'POST', url: '/api/auth.login', payload: { username: 'sportello', password: config.demoPassword } });
const body = login.json<{ csrfToken: string; context: { ambitoId: string } }>();
const cookie = `siso_sid=${login.cookies.find((c) => c.name === 'siso_sid')!.value}`;
const prefixes = (await database.pool.query<{ q: string }>(`SELECT left(surname, 3 + (abs(hashtext(id::text)) % 3)) AS q FROM person WHERE ambito_id = $1 ORDER BY id LIMIT $2`, [body.context.ambitoId, N])).rows.map((r) => r.q);
const call = (q: string) => app.server.inject({ method: 'POST', url: '/api/persons.find', headers: { cookie, 'x-csrf-token': body.csrfToken }, payload: { q } });
for (const q of prefixes.slice(0, 30)) await call(q);
const t0 = performance.now();
for (const q of prefixes) {
  const r = await call(q);
  if (r.statusCode !== 200) throw new Error(r.body);
}
console.log(`persons.find (surname prefix): ${((performance.now() - t0) / prefixes.length).toFixed(3)} ms per request (${prefixes.length})`);
await app.close();
await database.close();
