/**
 * One start of `npm start` (scripts/start.mjs) as a user runs it, measured from outside: the time from
 * spawning the process to the first 200 of /api/health, the server's own "pronto" line (its phases),
 * the lines it logged, what 100 requests add to the log, and how long it takes to stop on SIGINT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StartRun {
  /** Spawn → first 200 of GET /api/health, as a user waiting at the browser sees it. */
  wallMs: number;
  /** The server's own figure: process start → listening ("pronto" line). */
  readyMs: number;
  /** The server's CPU time until ready, every thread: its own work, whatever the machine's load. */
  cpuMs: number;
  phases: Record<string, number>;
  /** How the embedded data directory was made ready: existing, starter (copied) or initdb. */
  origin: string;
  /** Lines and bytes written to standard output until ready, at SISO_LOG_LEVEL=info. */
  startLines: number;
  startBytes: number;
  /** Bytes the log grew by while 100 requests were answered, at info. */
  bytesPer100Requests: number;
  stopMs: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** The caller's environment without anything that would change what a plain `npm start` does. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('SISO_') || ['DATABASE_URL', 'NODE_ENV', 'PORT', 'HOST', 'NODE_OPTIONS'].includes(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

async function waitHealthy(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = performance.now() + 180_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering:\n${output().slice(-3000)}`);
    if (await healthy(port)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no answer from /api/health within 180 s:\n${output().slice(-3000)}`);
}

interface ReadyLine {
  readyMs: number;
  cpuMs: number;
  phases: Record<string, number>;
  dataDirOrigin?: string;
}

function readyLine(output: string): ReadyLine {
  for (const line of output.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"readyMs"')) continue;
    return JSON.parse(line) as ReadyLine;
  }
  throw new Error(`no "pronto" line in the output:\n${output.slice(-3000)}`);
}

async function stop(child: ChildProcess, output: () => string): Promise<number> {
  const t0 = performance.now();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  const code = await exited;
  if (code !== 0) throw new Error(`the server stopped with exit code ${code}:\n${output().slice(-3000)}`);
  return performance.now() - t0;
}

export async function startOnce(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  const env = cleanEnv({ PORT: String(port), HOST: '127.0.0.1', SISO_DATA_DIR: dataDir, SISO_LOG_LEVEL: 'info', SISO_LOG_FORMAT: 'json', SISO_MAIL_TRANSPORT: 'memory' });
  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString('utf8')));
  try {
    await waitHealthy(port, child, () => out + err);
    const wallMs = performance.now() - t0;
    const startBytes = Buffer.byteLength(out);
    const startLines = out.split('\n').filter((l) => l.trim() !== '').length;
    for (let i = 0; i < 100; i++) await healthy(port);
    await new Promise((r) => setTimeout(r, 100)); // let the last lines reach the pipe
    const bytesPer100Requests = Buffer.byteLength(out) - startBytes;
    const ready = readyLine(out);
    const stopMs = await stop(child, () => out + err);
    return { wallMs, readyMs: ready.readyMs, cpuMs: ready.cpuMs, phases: ready.phases, origin: ready.dataDirOrigin ?? '?', startLines, startBytes, bytesPer100Requests, stopMs };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
