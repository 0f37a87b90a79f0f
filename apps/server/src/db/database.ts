import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Config } from '../config/config.js';
import { embeddedLocation, lockOwner, startEmbedded, type EmbeddedServer } from './embedded.js';
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
  // pg runs this before any other query of the new connection.
  pool.on('connect', (client) => {
    client.query(`SET TimeZone = 'Europe/Rome'`).catch(() => undefined);
  });
  return {
    kind,
    pool,
    db,
    ownsEmbedded: embedded !== undefined,
    dumpEmbedded: embedded ? () => embedded.dump() : undefined,
    async close() {
      await db.destroy();
      await onClose?.();
    },
  };
}

/**
 * Pool factory: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in SISO_DATA_DIR
 * (started here, or reached through the socket of the process that already runs it).
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'poolMax'>): Promise<Database> {
  installTypeParsers();
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolMax });
    return wrapPool('postgres', pool);
  }
  const loc = embeddedLocation(config.dataDir);
  let server: EmbeddedServer | undefined;
  if (lockOwner(loc) === null) {
    // Room for the pool plus other processes (npm run migrate, backup, psql) on the same socket.
    server = await startEmbedded(loc, config.poolMax + 10);
  }
  // One connection: PGlite is a single session, and pglite-socket 0.2.17 interleaves the
  // extended-protocol messages of concurrent connections (measured: "bind message supplies 2
  // parameters, but prepared statement \"\" requires 19" under concurrent requests). Queueing in the
  // pool costs nothing PGlite would not serialise anyway. Never query the pool from inside a
  // transaction (it would wait for its own connection): use the transaction handle.
  const pool = new pg.Pool({ host: loc.socketDir, port: loc.socketPort, user: 'postgres', database: 'postgres', max: 1 });
  return wrapPool('pglite', pool, async () => server?.stop(), server);
}
