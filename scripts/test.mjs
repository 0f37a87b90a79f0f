// `npm test`: the whole suite, in stages, stopping after the first stage with a failure.
//   1. typecheck, lint and unit, side by side (each is one process on one core: tsc, ESLint, and
//      Vitest, which gives a project max(cores − 1, 1) workers — one on the 2-core reference machine);
//   2. integration on the embedded PGlite; 3. on PostgreSQL (only with TEST_DATABASE_URL);
//   4. e2e (Debian's Chromium, one SISO server).
// The integration phases run one after the other: each already keeps two cores busy (the test worker
// and PGlite's worker thread, or the test worker and the PostgreSQL backend); side by side they took
// longer than in turn (measured in CI, docs/testing.md, "Keeping the suite fast").
// Phases of a stage run as separate processes; each line they print is prefixed with the phase's
// name, and each phase's time is printed when it ends.
// Names of phases as arguments run only those, e.g. `node scripts/test.mjs lint unit`.
// Plain Node ESM, no dependencies (docs/testing.md).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const vitest = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');

const phases = [
  { name: 'typecheck', stage: 1, cmd: npm, args: ['run', 'typecheck'] },
  { name: 'lint', stage: 1, cmd: npm, args: ['run', 'lint'] },
  { name: 'unit', stage: 1, cmd: vitest, args: ['run', '--project', 'unit'] },
  { name: 'int-pglite', stage: 2, cmd: vitest, args: ['run', '--project', 'int-pglite'] },
  {
    name: 'int-postgres',
    stage: 3,
    cmd: vitest,
    args: ['run', '--project', 'int-postgres'],
    skip: () =>
      process.env.TEST_DATABASE_URL
        ? null
        : 'TEST_DATABASE_URL non impostata (es. postgres://postgres@127.0.0.1:5432/postgres)',
  },
  { name: 'e2e', stage: 4, cmd: vitest, args: ['run', '--project', 'e2e'] },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !phases.some((p) => p.name === w));
if (unknown.length) {
  console.error(`Fasi sconosciute: ${unknown.join(', ')}. Fasi: ${phases.map((p) => p.name).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length ? phases.filter((p) => wanted.includes(p.name)) : phases;
const stages = [...new Set(selected.map((p) => p.stage))].map((s) => selected.filter((p) => p.stage === s));

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const line = '━'.repeat(72);
const running = new Set();

/** Runs one phase; alone in its stage it inherits the terminal, otherwise its lines are prefixed. */
function run(phase, args, alone) {
  return new Promise((resolve) => {
    const child = spawn(phase.cmd, args, { cwd: root, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: process.env });
    running.add(child);
    if (!alone) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (l) => out.write(`[${phase.name}] ${l}\n`));
      }
    }
    child.on('error', (err) => {
      console.error(`[test] impossibile avviare ${phase.cmd}: ${err.message}`);
      running.delete(child);
      resolve(127);
    });
    // 'close', not 'exit': the piped output is read to its end before the phase counts as finished.
    child.on('close', (code) => {
      running.delete(child);
      resolve(code ?? 1);
    });
  });
}

// Ctrl+C reaches the children through the terminal; make sure a SIGTERM does too, then stop.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (running.size) for (const child of running) child.kill(sig);
    else process.exit(130);
  });
}

async function runPhase(phase, number, alone) {
  const tag = `[${number}/${selected.length}] ${phase.name}`;
  const reason = phase.skip?.();
  if (reason) {
    console.log(`\n${line}\n${tag}: SALTATA — ${reason}\n${line}`);
    return { name: phase.name, status: 'saltata', note: reason };
  }
  const shown = `${path.basename(phase.cmd).replace(/\.cmd$/, '')} ${phase.args.join(' ')}`;
  console.log(`\n${line}\n${tag}: ${shown}\n${line}`);
  const started = Date.now();
  // Vitest phases also write a JSON report, so the summary can count tests across phases.
  const report = path.join(root, 'test-results', `${phase.name}.json`);
  fs.rmSync(report, { force: true });
  // Side by side, the live progress of Vitest's default reporter would interleave: one line per file instead.
  const reporter = alone ? 'default' : 'dot';
  const args = phase.cmd === vitest ? [...phase.args, `--reporter=${reporter}`, '--reporter=json', `--outputFile.json=${report}`] : phase.args;
  const code = await run(phase, args, alone);
  const ms = Date.now() - started;
  const ok = code === 0;
  console.log(`\n[test] ${phase.name}: ${ok ? 'ok' : `FALLITA (uscita ${code})`} in ${seconds(ms)}`);
  return { name: phase.name, status: ok ? 'ok' : 'FALLITA', ms, code };
}

const results = [];
const t0 = Date.now();
let failed = null;
for (const stage of stages) {
  const live = stage.filter((p) => !p.skip?.());
  const done = await Promise.all(stage.map((p) => runPhase(p, selected.indexOf(p) + 1, live.length <= 1)));
  results.push(...done);
  failed = done.find((r) => r.status === 'FALLITA')?.name ?? null;
  if (failed) break;
}
for (const phase of selected.filter((p) => !results.some((r) => r.name === p.name))) {
  results.push({ name: phase.name, status: 'non eseguita', note: `dopo il fallimento di ${failed}` });
}

console.log(`\n${line}\nRiepilogo (${seconds(Date.now() - t0)} in totale)\n${line}`);
const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  const time = r.ms === undefined ? '' : ` ${seconds(r.ms)}`;
  const note = r.note ? ` — ${r.note}` : '';
  console.log(`  ${r.name.padEnd(width)}  ${r.status}${time}${note}`);
}
// One plain closing line for CI: "N passed, N failed" over every test that ran.
let passed = 0;
let failedTests = 0;
for (const r of results) {
  try {
    const j = JSON.parse(fs.readFileSync(path.join(root, 'test-results', `${r.name}.json`), 'utf8'));
    passed += j.numPassedTests;
    failedTests += j.numFailedTests;
  } catch {
    // not a vitest phase, or it did not run
  }
}
const countLine = `tests: ${passed} passed, ${failed ? Math.max(failedTests, 1) : failedTests} failed`;
fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'test-results', 'summary.txt'), `${countLine}\n`);
if (failed) {
  const first = results.find((r) => r.status === 'FALLITA');
  console.log(`\nnpm test: FALLITO nella fase ${results.filter((r) => r.status === 'FALLITA').map((r) => r.name).join(', ')}`);
  console.log(countLine);
  process.exit(first?.code || 1);
}
console.log('\nnpm test: tutte le fasi superate');
console.log(countLine);
