// `npm start`: builds the web app and the server when their sources changed, then runs the prebuilt
// server (scripts/server-build.mjs) in this same process, so signals reach it directly and no orphan
// child is left behind. No TypeScript is compiled at start: `npm run dev` runs the sources through tsx.
import { performance } from 'node:perf_hooks';
import { buildWeb, webBuildNeeded } from './web-build.mjs';
import { buildServer, serverBuildNeeded, serverEntry } from './server-build.mjs';

const t0 = performance.now();
if (webBuildNeeded()) buildWeb();
if (serverBuildNeeded()) await buildServer();
// The server reports this as its "build" start-up phase (apps/server/src/startup/startup-timer.ts).
globalThis[Symbol.for('siso.startBuildMs')] = performance.now() - t0;
// Stack traces point at apps/server/src, not at the bundle (the maps are read only when an error is shown).
process.setSourceMapsEnabled(true);
await import(serverEntry);
