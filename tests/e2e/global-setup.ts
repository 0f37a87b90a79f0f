import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the one SISO server shared by every journey, e.g. http://127.0.0.1:41234. */
    e2eBaseUrl: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HEALTH_TIMEOUT_MS = 120_000;
const KILL_AFTER_MS = 10_000;
const OUTPUT_LIMIT = 64 * 1024;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** apps/web/dist is rebuilt when missing or older than the web sources (or the shared package). */
function ensureWebBuild(): void {
  const index = path.join(root, 'apps/web/dist/index.html');
  const sources = [
    newestMtime(path.join(root, 'apps/web/src')),
    newestMtime(path.join(root, 'packages/shared/src')),
    fs.statSync(path.join(root, 'apps/web/index.html')).mtimeMs,
    fs.statSync(path.join(root, 'apps/web/vite.config.ts')).mtimeMs,
  ];
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(...sources)) return;
  const t0 = Date.now();
  console.log('[e2e] compilazione dell’interfaccia web (npm run build -w apps/web)');
  // Vitest sets NODE_ENV=test; a production build needs NODE_ENV=production, or React's development
  // JSX runtime ends up in the bundle next to the production React ("jsxDEV is not a function").
  execFileSync('npm', ['run', 'build', '-w', 'apps/web', '--silent', '--', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  console.log(`[e2e] interfaccia web compilata in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('nessuna porta libera'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Keeps the tail of the server's output, shown when it does not start. */
function captureOutput(child: ChildProcess): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    if (process.env.SISO_E2E_VERBOSE) process.stderr.write(chunk);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`[e2e] il server è terminato (${child.exitCode ?? child.signalCode}) prima di rispondere:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`[e2e] GET ${url}/api/health non ha risposto 200 entro ${HEALTH_TIMEOUT_MS / 1000} s. Output del server:\n${output()}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * One SISO server for all journeys (architecture, "Tests"): fresh data directory on the embedded
 * database, demo seed, mail kept in memory. Chromium is checked first, so a missing browser fails
 * fast with the command to install it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = await findChromium();
  console.log(`[e2e] Chromium: ${chromiumPath}`);
  ensureWebBuild();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SISO_DATA_DIR: dataDir,
    SISO_MAIL_TRANSPORT: 'memory',
    SISO_LOG_LEVEL: 'warn',
    SISO_PUBLIC_URL: url,
    NODE_ENV: 'test',
    SISO_DEMO: '1',
  };
  // The journeys expect the embedded database, whatever the caller's shell has configured.
  delete env.DATABASE_URL;
  delete env.SISO_COOKIE_SECURE;

  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const teardown = async () => {
    await stopServer(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, output);
  } catch (err) {
    await teardown();
    throw err;
  }
  console.log(`[e2e] server SISO pronto su ${url} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  project.provide('e2eBaseUrl', url);
  return teardown;
}
