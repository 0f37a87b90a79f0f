import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Config } from '../config/config.js';
import { EmbeddedInUseError, embeddedLocation, lockOwner, startEmbedded, type EmbeddedLocation, type EmbeddedServer } from './embedded.js';
import type { DataDirOrigin } from './pglite-starter.js';
import { installTypeParsers } from './type-parsers.js';
import type { DB } from './types.js';

export type DbKind = 'pglite' | 'postgres';

/** The one database handle of the process: a pg.Pool on either backend, and Kysely over it. */
export interface Database {
  kind: DbKind;
  pool: pg.Pool;
  db: Kysely<DB>;
  /** Whether this process owns the embedded database (and so must stop it). */
  ownsEmbedded: boolean;
  /** Backup of the embedded database (only in the process that owns it). */
  dumpEmbedded?: () => Promise<Uint8Array>;
  /** How the owner found its embedded data directory (start-up timings); absent otherwise. */
  embeddedOrigin?: DataDirOrigin;
  close(): Promise<void>;
}

export function createKysely(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export function wrapPool(kind: DbKind, pool: pg.Pool, onClose?: () => Promise<void>, embedded?: EmbeddedServer): Database {
  installTypeParsers();
  const db = createKysely(pool);
  // An idle client error (server restart) must not crash the process; the pool reconnects.
  pool.on('error', () => undefined);
  // Dates are Italian: `current_date`, `now()::date` and a grant's or a deadline's "today" are the
  // day in Rome, whatever the server's time zone (UTC on most hosts: between 22:00/23:00 and midnight
  // UTC the database's day was already tomorrow's in Rome and a grant given now was dated yesterday).
  // A startup option of every new connection (no extra query racing the first one); the embedded
  // PGlite, which ignores startup options, sets it in its worker (pglite-worker.ts).
  const opts = pool.options as { options?: string };
  if (!opts.options?.includes('TimeZone')) opts.options = `${opts.options ? `${opts.options} ` : ''}-c TimeZone=Europe/Rome`;
  return {
    kind,
    pool,
    db,
    ownsEmbedded: embedded !== undefined,
    dumpEmbedded: embedded ? () => embedded.dump() : undefined,
    embeddedOrigin: embedded?.origin,
    async close() {
      await db.destroy();
      await onClose?.();
    },
  };
}

export interface OpenDatabaseOptions {
  /**
   * The server: it must own the embedded database, and refuses (EmbeddedInUseError) a data directory
   * another live process holds. Without it (the CLIs) a live owner's socket is used instead.
   */
  exclusive?: boolean;
  /**
   * A new embedded directory starts from the prepared starter (migrated, code lists loaded) when there
   * is one for these migrations: the server's first start. Tools and tests get an empty cluster.
   */
  prepared?: boolean;
}

/** Starts the embedded database, or returns undefined when a live process already owns it. */
async function ownEmbedded(loc: EmbeddedLocation, config: Pick<Config, 'dataDir' | 'poolMax'>, opts: OpenDatabaseOptions): Promise<EmbeddedServer | undefined> {
  for (let attempt = 0; ; attempt++) {
    const owner = lockOwner(loc);
    if (owner !== null) {
      if (opts.exclusive) throw new EmbeddedInUseError(config.dataDir, owner);
      return undefined;
    }
    try {
      // Room for the pool plus other processes (npm run migrate, backup, psql) on the same socket.
      return await startEmbedded(loc, config.poolMax + 10, { prepared: opts.prepared });
    } catch (err) {
      // Two processes raced for the lock file (O_EXCL) and the other won: look at its owner again.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
    }
  }
}

/**
 * Pool factory: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in SISO_DATA_DIR
 * (started here, or reached through the socket of the process that already runs it).
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'poolMax'>, opts: OpenDatabaseOptions = {}): Promise<Database> {
  installTypeParsers();
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolMax });
    return wrapPool('postgres', pool);
  }
  const loc = embeddedLocation(config.dataDir);
  const server = await ownEmbedded(loc, config, opts);
  // One connection: PGlite is a single session, and pglite-socket 0.2.17 interleaves the
  // extended-protocol messages of concurrent connections (measured: "bind message supplies 2
  // parameters, but prepared statement \"\" requires 19" under concurrent requests). Queueing in the
  // pool costs nothing PGlite would not serialise anyway. Never query the pool from inside a
  // transaction (it would wait for its own connection): use the transaction handle.
  const pool = new pg.Pool({ host: loc.socketDir, port: loc.socketPort, user: 'postgres', database: 'postgres', max: 1 });
  return wrapPool('pglite', pool, async () => server?.stop(), server);
}
