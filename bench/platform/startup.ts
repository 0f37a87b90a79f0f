/**
 * bench/platform, start-up (issue 11, point 6): how long `npm start` takes on this machine, and where
 * the time goes.
 *  - install: what `npm install` prepares (scripts/postinstall.mjs), made here if missing and timed:
 *    the web build, the prebuilt server and the embedded database's starters (initdb, then migrations
 *    and code lists: measured once into a temporary cache, whether or not the installation has them);
 *  - first start: a fresh SISO_DATA_DIR (prepared starter copied, fingerprint, demo seed), BENCH_STARTS times;
 *  - later start: the same data directory again, BENCH_STARTS times.
 * Each start is a real `node scripts/start.mjs` with a plain environment, timed from spawn to the
 * first 200 of /api/health; the server's own "pronto" line gives the phases. Median of BENCH_STARTS
 * (default 3). Targets on 2 cores: first ≤ 12 s, later ≤ 3 s. Writes bench/platform/last-run.md.
 * Not scaled by BENCH_SCALE: a start does the same work whatever the volumes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { median } from '../lib/load.js';
import { ROOT, startOnce, type StartRun } from './start-process.js';

const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const TARGET = { first: 12_000, later: 3_000 };
const PHASES = ['build', 'imports', 'database', 'sqlParser', 'fingerprint', 'migrations', 'referenceData', 'registry', 'seed', 'http', 'listen', 'jobs'];

interface Install {
  webMs: number | null;
  serverMs: number | null;
  /** Making the starter (initdb) and then the prepared starter (migrations, code lists), measured into a throw-away cache. */
  initdbMs: number;
  preparedMs: number;
}

interface BuildScripts {
  webBuildNeeded(): boolean;
  buildWeb(): void;
  serverBuildNeeded(): boolean;
  buildServer(): Promise<void>;
  starterModule: string;
  preparedStarterModule: string;
}

/** What `npm install` leaves behind, made now when missing; and the cost of initdb, always measured. */
async function prepareInstall(): Promise<Install> {
  const web = (await import(pathToFileURL(path.join(ROOT, 'scripts/web-build.mjs')).href)) as Pick<BuildScripts, 'webBuildNeeded' | 'buildWeb'>;
  const server = (await import(pathToFileURL(path.join(ROOT, 'scripts/server-build.mjs')).href)) as BuildScripts;
  const timed = async (needed: boolean, build: () => unknown) => {
    if (!needed) return null;
    const t0 = performance.now();
    await build();
    return performance.now() - t0;
  };
  const webMs = await timed(web.webBuildNeeded(), () => web.buildWeb());
  const serverMs = await timed(server.serverBuildNeeded(), () => server.buildServer());
  // The installation's own starters (what postinstall makes); then both again into a throw-away cache,
  // timed: what `npm install` spends on them.
  const script = `const m = await import(${JSON.stringify(server.preparedStarterModule)}); const s = await import(${JSON.stringify(server.starterModule)});
    await m.ensurePreparedStarter();
    const cache = process.env.BENCH_STARTER_CACHE;
    const t0 = performance.now(); await s.ensureStarter(cache); const t1 = performance.now();
    await m.ensurePreparedStarter(cache); console.log(t1 - t0, performance.now() - t1);`;
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-bench-starter-'));
  // A file, not `node -e`: the PGlite worker thread inherits the process's flags, and --input-type
  // would stop it from loading its own file.
  const file = path.join(cache, 'time-starters.mjs');
  fs.writeFileSync(file, script);
  try {
    const out = execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_STARTER_CACHE: cache } });
    const [initdbMs, preparedMs] = out.trim().split('\n').pop()!.split(' ').map(Number) as [number, number];
    return { webMs, serverMs, initdbMs, preparedMs };
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

const s = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(2));

function phaseMedian(runs: StartRun[], phase: string): number | undefined {
  // A phase a start skipped (migrations on a later start) is absent from its line, not zero.
  const values = runs.map((r) => r.phases[phase]).filter((v): v is number => v !== undefined);
  return values.length === 0 ? undefined : median(values);
}

function summary(label: string, runs: StartRun[], target: number): string {
  const wall = median(runs.map((r) => r.wallMs));
  const ready = median(runs.map((r) => r.readyMs));
  const all = runs.map((r) => s(r.wallMs)).join(', ');
  const origins = [...new Set(runs.map((r) => r.origin))].join('/');
  const cpu = median(runs.map((r) => r.cpuMs));
  return `| ${label} | ${runs.length} | ${s(wall)} | ${s(ready)} | ${s(cpu)} | ${all} | ≤ ${s(target)} ${wall <= target ? 'met' : 'NOT met'} | ${origins} |`;
}

function report(install: Install, first: StartRun[], later: StartRun[], load: { start: number; end: number }): string {
  const phaseRows = PHASES.filter((p) => phaseMedian(first, p) !== undefined || phaseMedian(later, p) !== undefined).map(
    (p) => `| ${p} | ${s(phaseMedian(first, p))} | ${s(phaseMedian(later, p))} |`,
  );
  const logRow = (label: string, runs: StartRun[]) =>
    `| ${label} | ${median(runs.map((r) => r.startLines))} | ${median(runs.map((r) => r.startBytes))} | ${median(runs.map((r) => r.bytesPer100Requests))} | ${s(median(runs.map((r) => r.stopMs)))} |`;
  return [
    '# bench/platform — start-up, last run',
    '',
    `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU, Node ${process.version}, 1-minute load average ${load.start.toFixed(1)} at the start and ${load.end.toFixed(1)} at the end; median of ${STARTS} starts each (bench/platform/README.md).`,
    '',
    `Install (\`npm install\`, scripts/postinstall.mjs): web build ${install.webMs === null ? 'already done' : `${s(install.webMs)} s`}, server build ${install.serverMs === null ? 'already done' : `${s(install.serverMs)} s`}, embedded database starters (measured once) ${s(install.initdbMs)} s for initdb and ${s(install.preparedMs)} s for migrations and code lists.`,
    '',
    '| start | runs | ready, wall (s, median) | ready, server (s) | server CPU, all threads (s) | each run, wall (s) | target | data directory |',
    '|---|---:|---:|---:|---:|---|---|---|',
    summary('first (fresh SISO_DATA_DIR)', first, TARGET.first),
    summary('later (same SISO_DATA_DIR)', later, TARGET.later),
    '',
    'Phases (s, median; they overlap — the database opens while the code loads, the fingerprint is read meanwhile, migrations run beside the routes — so they do not add up to the total):',
    '',
    '| phase | first | later |',
    '|---|---:|---:|',
    ...phaseRows,
    '',
    'Log at SISO_LOG_LEVEL=info (JSON, standard output not a terminal):',
    '',
    '| start | lines until ready | bytes until ready | bytes for 100 requests | stop on SIGINT (s) |',
    '|---|---:|---:|---:|---:|',
    logRow('first', first),
    logRow('later', later),
    '',
  ].join('\n');
}

export async function runStartup(): Promise<void> {
  const load = { start: os.loadavg()[0]!, end: 0 };
  const install = await prepareInstall();
  console.log(`install: web ${s(install.webMs ?? undefined)} s, server ${s(install.serverMs ?? undefined)} s, starter ${s(install.initdbMs)} s, prepared ${s(install.preparedMs)} s`);
  const dirs: string[] = [];
  const first: StartRun[] = [];
  const later: StartRun[] = [];
  try {
    for (let i = 0; i < STARTS; i++) {
      dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'siso-bench-start-')));
      first.push(await startOnce(dirs.at(-1)!));
      console.log(`first start ${i + 1}: ${s(first.at(-1)!.wallMs)} s (${first.at(-1)!.origin})`);
    }
    for (let i = 0; i < STARTS; i++) {
      later.push(await startOnce(dirs.at(-1)!));
      console.log(`later start ${i + 1}: ${s(later.at(-1)!.wallMs)} s`);
    }
  } finally {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
  load.end = os.loadavg()[0]!;
  const text = report(install, first, later, load);
  console.log(`\n${text}`);
  fs.writeFileSync(new URL('./last-run.md', import.meta.url), text);
}
