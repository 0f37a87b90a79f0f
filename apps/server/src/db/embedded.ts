import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { starterCacheDir, type DataDirOrigin } from './pglite-starter.js';
import { pgliteWorkerUrl } from './pglite-worker-url.js';

/**
 * The embedded database: one PGlite per data directory, owned by the process holding the lock file.
 * A second process (`npm run migrate`, `npm run backup`, a CLI) finds the lock, checks that its owner
 * is alive and connects to the owner's socket instead of opening the directory twice (PGlite is
 * single-process; two writers would corrupt it).
 */
export interface EmbeddedLocation {
  pgDataDir: string;
  runDir: string;
  socketDir: string;
  socketPort: number;
  lockFile: string;
}

export const SOCKET_PORT = 5432;

/**
 * A server was started on a data directory that another live process holds. Two servers on one
 * embedded database would share one PGlite session through the first one's socket, and the second
 * would fail on every query once the first stopped (issue 11): it refuses to start instead.
 */
export class EmbeddedInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Il database integrato in ${dataDir} è già aperto dal processo ${ownerPid} (un altro server SISO, ` +
        'o un comando come npm run migrate). Due server sulla stessa cartella dati non sono ammessi: ' +
        "fermare l'altro processo, oppure avviare questo con un altro SISO_DATA_DIR. " +
        'Più istanze dello stesso database richiedono PostgreSQL (DATABASE_URL).',
    );
    this.name = 'EmbeddedInUseError';
  }
}

export function embeddedLocation(dataDir: string): EmbeddedLocation {
  const runDir = path.join(dataDir, 'run');
  return {
    pgDataDir: path.join(dataDir, 'pglite'),
    runDir,
    socketDir: runDir,
    socketPort: SOCKET_PORT,
    lockFile: path.join(runDir, 'siso.lock'),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Returns the pid of a live owner of the data directory, or null (and clears a stale lock). */
export function lockOwner(loc: EmbeddedLocation): number | null {
  let pid: number;
  try {
    pid = Number(JSON.parse(fs.readFileSync(loc.lockFile, 'utf8')).pid);
  } catch {
    return null;
  }
  if (pid === process.pid) return null; // this very process runs it
  if (isAlive(pid)) return pid;
  // Stale lock after a crash (kill -9): the socket file is left behind too.
  fs.rmSync(loc.lockFile, { force: true });
  fs.rmSync(path.join(loc.socketDir, `.s.PGSQL.${loc.socketPort}`), { force: true });
  return null;
}

export interface EmbeddedServer {
  /** How the data directory was made ready: already there, copied from the starter, or initdb. */
  origin: DataDirOrigin;
  stop(): Promise<void>;
  /** A gzip tarball of the data directory, taken by the worker between queries. */
  dump(): Promise<Uint8Array>;
}

/** Opens PGlite on the data directory in a worker thread and serves it on the Unix socket. */
export async function startEmbedded(
  loc: EmbeddedLocation,
  maxConnections: number,
  opts: { starterCache?: string | null; prepared?: boolean } = {},
): Promise<EmbeddedServer> {
  const starterCache = opts.starterCache === undefined ? starterCacheDir : opts.starterCache;
  fs.mkdirSync(loc.runDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(loc.runDir, 0o700);
  fs.mkdirSync(loc.pgDataDir, { recursive: true, mode: 0o700 });
  // O_EXCL: if two processes race for the directory only one gets the lock.
  fs.writeFileSync(loc.lockFile, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }), {
    flag: 'wx',
    mode: 0o600,
  });
  const socketPath = path.join(loc.socketDir, `.s.PGSQL.${loc.socketPort}`);
  fs.rmSync(socketPath, { force: true });
  const worker = new Worker(pgliteWorkerUrl, {
    workerData: { pgDataDir: loc.pgDataDir, socketPath, maxConnections, starterCache, prepared: opts.prepared === true },
  });
  const releaseLock = () => fs.rmSync(loc.lockFile, { force: true });
  let origin: DataDirOrigin;
  try {
    origin = await new Promise<DataDirOrigin>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`PGlite worker exited with code ${code}`)));
      worker.on('message', (m: { type: string; message?: string; origin?: DataDirOrigin }) => {
        if (m.type === 'ready') resolve(m.origin ?? 'existing');
        if (m.type === 'error') reject(new Error(`PGlite failed to start: ${m.message}`));
      });
    });
  } catch (err) {
    releaseLock();
    await worker.terminate();
    throw err;
  }
  worker.removeAllListeners('exit');
  worker.unref();
  let dumpSeq = 0;
  return {
    origin,
    dump() {
      const id = ++dumpSeq;
      return new Promise<Uint8Array>((resolve, reject) => {
        const onMessage = (m: { type: string; id?: number; data?: Uint8Array; error?: string }) => {
          if (m.type !== 'dumped' || m.id !== id) return;
          worker.off('message', onMessage);
          if (m.data) resolve(m.data);
          else reject(new Error(m.error ?? 'dump failed'));
        };
        worker.on('message', onMessage);
        worker.postMessage({ type: 'dump', id });
      });
    },
    async stop() {
      const stopped = new Promise<void>((resolve) => {
        worker.on('message', (m: { type: string }) => m.type === 'stopped' && resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage({ type: 'stop' });
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000))]);
      await worker.terminate();
      fs.rmSync(socketPath, { force: true });
      releaseLock();
    },
  };
}
