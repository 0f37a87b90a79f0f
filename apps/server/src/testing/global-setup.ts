import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, wrapPool } from '../db/database.js';
import { prepareDatabase } from '../app.js';
import { seedDemo } from '../seed/demo-seed.js';
import { createPasswordHasher } from '../auth/password.js';
import { testConfig } from './test-config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sisoTemplate: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; template: string };
  }
}

/**
 * Builds one pre-migrated, pre-seeded database per run (architecture: "a pre-migrated database
 * template per test worker"); each test file then gets its own copy, so files never share data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = process.env.SISO_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  const passwords = createPasswordHasher({ fast: true });
  const config = testConfig();
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-tpl-'));
    const database = await openDatabase({ dataDir: dir, databaseUrl: undefined, poolMax: 2 });
    await prepareDatabase(database, () => undefined);
    await seedDemo(database.db, { passwords, password: config.demoPassword, production: false, demo: true });
    await database.close();
    project.provide('sisoTemplate', { kind, dir });
    return async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('int-postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
  const template = `siso_tpl_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const tplUrl = withDatabase(url, template);
  const database = wrapPool('postgres', new pg.Pool({ connectionString: tplUrl, max: 2 }));
  await prepareDatabase(database, () => undefined);
  await seedDemo(database.db, { passwords, password: config.demoPassword, production: false, demo: true });
  await database.close();
  project.provide('sisoTemplate', { kind, url, template });
  return async () => {
    const leftovers = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'siso_t_${process.pid}_%' OR datname = $1`, [template]);
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
