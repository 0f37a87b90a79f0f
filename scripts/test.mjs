// `npm test`: the whole suite, phase by phase, stopping at the first failure.
//   typecheck → lint → unit → integration (embedded PGlite) → integration (PostgreSQL, only with
//   TEST_DATABASE_URL) → e2e (Debian's Chromium, one SISO server).
// Names of phases as arguments run only those, e.g. `node scripts/test.mjs lint unit`.
// Plain Node ESM, no dependencies (docs/testing.md).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const vitest = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');

const phases = [
  { name: 'typecheck', cmd: npm, args: ['run', 'typecheck'] },
  { name: 'lint', cmd: npm, args: ['run', 'lint'] },
  { name: 'unit', cmd: vitest, args: ['run', '--project', 'unit'] },
  { name: 'int-pglite', cmd: vitest, args: ['run', '--project', 'int-pglite'] },
  {
    name: 'int-postgres',
    cmd: vitest,
    args: ['run', '--project', 'int-postgres'],
    skip: () =>
      process.env.TEST_DATABASE_URL
        ? null
        : 'TEST_DATABASE_URL non impostata (es. postgres://postgres@127.0.0.1:5432/postgres)',
  },
  { name: 'e2e', cmd: vitest, args: ['run', '--project', 'e2e'] },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !phases.some((p) => p.name === w));
if (unknown.length) {
  console.error(`Fasi sconosciute: ${unknown.join(', ')}. Fasi: ${phases.map((p) => p.name).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length ? phases.filter((p) => wanted.includes(p.name)) : phases;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const line = '━'.repeat(72);
let current = null;

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
    current = child;
    child.on('error', (err) => {
      console.error(`[test] impossibile avviare ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code) => {
      current = null;
      resolve(code ?? 1);
    });
  });
}

// Ctrl+C reaches the child through the terminal; make sure a SIGTERM does too, then stop.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (current) current.kill(sig);
    else process.exit(130);
  });
}

const results = [];
const t0 = Date.now();
let failed = null;
for (const [i, phase] of selected.entries()) {
  const tag = `[${i + 1}/${selected.length}] ${phase.name}`;
  const reason = phase.skip?.();
  if (reason) {
    console.log(`\n${line}\n${tag}: SALTATA — ${reason}\n${line}`);
    results.push({ name: phase.name, status: 'saltata', note: reason });
    continue;
  }
  const shown = `${path.basename(phase.cmd).replace(/\.cmd$/, '')} ${phase.args.join(' ')}`;
  console.log(`\n${line}\n${tag}: ${shown}\n${line}`);
  const started = Date.now();
  // Vitest phases also write a JSON report, so the summary can count tests across phases.
  const report = path.join(root, 'test-results', `${phase.name}.json`);
  fs.rmSync(report, { force: true });
  const args = phase.cmd === vitest ? [...phase.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`] : phase.args;
  const code = await run(phase.cmd, args);
  const ms = Date.now() - started;
  const ok = code === 0;
  console.log(`\n[test] ${phase.name}: ${ok ? 'ok' : `FALLITA (uscita ${code})`} in ${seconds(ms)}`);
  results.push({ name: phase.name, status: ok ? 'ok' : 'FALLITA', ms, code });
  if (!ok) {
    failed = phase.name;
    break;
  }
}
for (const phase of selected.slice(results.length)) {
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
  console.log(`\nnpm test: FALLITO nella fase ${failed}`);
  console.log(countLine);
  process.exit(results.find((r) => r.name === failed)?.code || 1);
}
console.log('\nnpm test: tutte le fasi superate');
console.log(countLine);
