/**
 * A/B of one read of bench/intake between two checkouts (issue 10's before/after), in process: the app
 * on the bench's PostgreSQL database of that checkout, logged in as `sportello`, `N` requests through
 * Fastify's inject (no sockets, so no HTTP noise), after 50 warm-up requests; prints ms per request.
 * Copy this file into the other checkout and run the two alternately, several times:
 *
 *   URL=postgres://postgres@127.0.0.1:5432/siso_bench_intake ACTION=intakeRecords.find N=600 node --import tsx bench/intake/ab.ts
 *   ACTION=desks.home N=300 …
 */
import pg from 'pg';
import { createApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { wrapPool } from '../../apps/server/src/db/database.js';

const URL = process.env.URL ?? 'postgres://postgres@127.0.0.1:5432/siso_bench_intake';
const ACTION = process.env.ACTION ?? 'intakeRecords.find';
const N = Number(process.env.N ?? 400);
const config = loadConfig({ NODE_ENV: 'test', SISO_DATA_DIR: '/tmp/siso-bench-ab', SISO_JOBS: '0', SISO_LOG_LEVEL: 'silent', SISO_MAIL_TRANSPORT: 'memory', SISO_DEMO: '1', DATABASE_URL: URL });
const database = wrapPool('postgres', new pg.Pool({ connectionString: URL, max: 4 }));
const app = await createApp(config, database, { logger: false, serveWeb: false });
const login = await app.server.inject({ method: 'POST', url: '/api/auth.login', payload: { username: 'sportello', password: config.demoPassword } });
const body = login.json<{ csrfToken: string; context: { officeId: string } }>();
const cookie = `siso_sid=${login.cookies.find((c) => c.name === 'siso_sid')!.value}`;
const input = (i: number) =>
  ACTION === 'desks.home' ? {} : { officeId: body.context.officeId, from: `202${3 + (i % 3)}-0${1 + (i % 9)}-01`, to: `202${3 + (i % 3)}-0${1 + (i % 9)}-28` };
const call = (i: number) => app.server.inject({ method: 'POST', url: `/api/${ACTION}`, headers: { cookie, 'x-csrf-token': body.csrfToken }, payload: input(i) });
for (let i = 0; i < 50; i++) await call(i);
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const r = await call(i);
  if (r.statusCode !== 200) throw new Error(r.body);
}
console.log(`${ACTION}: ${((performance.now() - t0) / N).toFixed(3)} ms per request (${N})`);
await app.close();
await database.close();
