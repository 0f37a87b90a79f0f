// `npm install` (postinstall): what a start would otherwise do the first time, done once — the web app's
// production build, the prebuilt server (scripts/server-build.mjs) and the embedded database's starters
// (apps/server/src/db/pglite-starter.ts: PGlite's initdb, 7–25 s on two cores; then the same with the
// migrations applied and the code lists loaded), so the first `npm start` of a fresh clone copies a
// prepared database instead (issue 11). Each step is skipped when already up to date.
import { performance } from 'node:perf_hooks';
import { buildWeb, webBuildNeeded } from './web-build.mjs';
import { buildServer, preparedStarterModule, serverBuildNeeded } from './server-build.mjs';

if (webBuildNeeded()) buildWeb();
if (serverBuildNeeded()) await buildServer();
const t0 = performance.now();
const { ensurePreparedStarter } = await import(preparedStarterModule);
const { made } = await ensurePreparedStarter();
if (made) console.log(`[siso] database integrato iniziale preparato in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
