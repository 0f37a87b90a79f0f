/**
 * Runs PGlite (PostgreSQL 18 in WASM) in a worker thread and serves it on a Unix socket, so the
 * main thread talks to it through an ordinary pg.Pool and its event loop never stalls on a query
 * (reference/stack.md: in-process PGlite froze the loop for 2–3.5 s; behind the socket ≤ 20 ms).
 * The socket lives in SISO_DATA_DIR (mode 0700) and never on TCP: the embedded database holds
 * special-category data (GDPR art. 9) and has no password.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { prepareDataDir } from './pglite-starter.js';

interface WorkerInput {
  pgDataDir: string;
  socketPath: string;
  maxConnections: number;
  /** Where the pre-initialised starter is kept (pglite-starter.ts); null: initdb in place. */
  starterCache: string | null;
  /** Start a new directory from the prepared starter when there is one (the server only). */
  prepared: boolean;
}

const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('pglite-worker must run as a worker thread');

async function main(): Promise<void> {
  const origin = await prepareDataDir(input.pgDataDir, input.starterCache, input.prepared);
  const db = await PGlite.create(input.pgDataDir, { extensions: { btree_gin, pg_trgm, unaccent } });
  // Dates are Italian (see wrapPool in database.ts). PGlite is one session shared by every socket
  // connection and pglite-socket ignores a connection's startup options: set once, here.
  await db.exec(`SET TimeZone = 'Europe/Rome'`);
  const server = new PGLiteSocketServer({ db, path: input.socketPath, maxConnections: input.maxConnections });
  await server.start();
  port!.postMessage({ type: 'ready', origin });
  port!.on('message', (msg: { type: string; id?: number }) => {
    if (msg.type === 'dump') {
      // A consistent copy of the whole data directory (PGlite's own tar format, gzip).
      void db
        .dumpDataDir('gzip')
        .then(async (blob) => port!.postMessage({ type: 'dumped', id: msg.id, data: new Uint8Array(await blob.arrayBuffer()) }))
        .catch((err: unknown) => port!.postMessage({ type: 'dumped', id: msg.id, error: String(err) }));
      return;
    }
    if (msg.type !== 'stop') return;
    void (async () => {
      await server.stop();
      // A clean close checkpoints the WAL, so the next start does not replay it.
      await db.close();
      port!.postMessage({ type: 'stopped' });
    })();
  });
}

main().catch((err: unknown) => {
  port.postMessage({ type: 'error', message: err instanceof Error ? err.stack ?? err.message : String(err) });
});
