import pg from 'pg';
import { createApp, type App } from '../app.js';
import { wrapPool, type Database } from '../db/database.js';
import { TestClient, type TestApp } from './test-app.js';
import { testConfig } from './test-config.js';

export interface SecondInstance {
  app: App;
  client(): TestClient;
  close(): Promise<void>;
}

/**
 * Another app on the database of `t`, as a second instance behind a balancer: its own services (session
 * cache, in-process state), the same SISO_DATA_DIR and so the same secret key. On PostgreSQL it has its
 * own pool; on the embedded database it shares the one connection (PGlite is a single session, and
 * pglite-socket must not serve two connections at once: ARCHITECTURE.md, "one connection to PGlite").
 * Closing it leaves the database to `t`.
 */
export async function secondInstance(t: TestApp, overrides: Record<string, string> = {}): Promise<SecondInstance> {
  const config = testConfig({ SISO_DATA_DIR: t.app.services.config.dataDir, ...overrides });
  const database: Database =
    t.database.kind === 'postgres'
      ? wrapPool('postgres', new pg.Pool({ ...t.database.pool.options, max: 2 }))
      : { ...t.database, ownsEmbedded: false, dumpEmbedded: undefined, close: async () => undefined };
  const app = await createApp(config, database, { logger: false, fastHashing: true, serveWeb: false });
  return { app, client: () => new TestClient(app), close: () => app.close() };
}
