import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { ActionName } from '@siso/shared';
import { createApp, type App } from '../app.js';
import { openDatabase, wrapPool, type Database } from '../db/database.js';
import type { ActionHandler } from '../http/action.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { testConfig } from './test-config.js';
import { withDatabase } from './global-setup.js';

/** A fresh copy of the template database for one test file. */
export async function freshDatabase(): Promise<{ database: Database; dataDir: string; drop(): Promise<void> }> {
  const tpl = inject('sisoTemplate');
  if (tpl.kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-t-'));
    fs.cpSync(tpl.dir, dataDir, { recursive: true });
    fs.rmSync(path.join(dataDir, 'run'), { recursive: true, force: true });
    const database = await openDatabase({ dataDir, databaseUrl: undefined, poolMax: 5 });
    return { database, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-t-'));
  const scratch = await scratchPostgresDatabase(tpl.url, tpl.template);
  return {
    database: scratch.database,
    dataDir,
    drop: async () => {
      await scratch.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new PostgreSQL database (empty, or a copy of `template`), dropped by `drop()`. */
export async function scratchPostgresDatabase(url: string, template?: string): Promise<{ database: Database; drop(): Promise<void> }> {
  const name = `siso_t_${process.ppid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const database = wrapPool('postgres', new pg.Pool({ connectionString: withDatabase(url, name), max: 5 }));
  return {
    database,
    drop: async () => {
      await database.close().catch(() => undefined);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A logged-in (or anonymous) client of the test app, speaking the wire contract over HTTP. */
export class TestClient {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly app: App) {}

  async call<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
    action: ActionName | string,
    input: unknown = {},
    opts: { headers?: Record<string, string>; method?: 'GET' | 'POST'; rawBody?: string } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.server.inject({
      method: opts.method ?? 'POST',
      url: opts.method === 'GET' ? `/api/${action}?input=${encodeURIComponent(JSON.stringify(input))}` : `/api/${action}`,
      headers,
      payload: opts.method === 'GET' ? undefined : (opts.rawBody ?? JSON.stringify(input)),
    });
    const setCookie = res.cookies.find((c) => c.name === 'siso_sid');
    if (setCookie) this.cookie = setCookie.value ? `siso_sid=${setCookie.value}` : undefined;
    const body = res.body ? JSON.parse(res.body) : undefined;
    if (body && typeof body === 'object' && 'csrfToken' in body) this.csrf = String(body.csrfToken);
    return { status: res.statusCode, body, headers: res.headers };
  }

  /** Logs in as a persona and, when the persona has several contexts, picks the first. */
  async login(username: string, password = 'demo-siso-2026'): Promise<TestResponse> {
    const res = await this.call('auth.login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(res.body)}`);
    return res;
  }
}

export interface TestApp {
  app: App;
  database: Database;
  client(): TestClient;
  as(username: string): Promise<TestClient>;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { jobs?: boolean; extraHandlers?: ActionHandler[]; extraJobs?: JobDefinition[]; config?: Record<string, string> } = {},
): Promise<TestApp> {
  const fresh = await freshDatabase();
  const config = testConfig({ ...(process.env.SISO_TEST_LOG === '1' ? { SISO_LOG_LEVEL: 'info' } : {}), SISO_DATA_DIR: fresh.dataDir, SISO_JOBS: opts.jobs ? '1' : '0', ...opts.config });
  const app = await createApp(config, fresh.database, {
    logger: process.env.SISO_TEST_LOG === '1',
    fastHashing: true,
    serveWeb: false,
    extraHandlers: opts.extraHandlers,
    extraJobs: opts.extraJobs,
    jobPollingSeconds: 0.5,
  });
  return {
    app,
    database: fresh.database,
    client: () => new TestClient(app),
    async as(username) {
      const c = new TestClient(app);
      await c.login(username);
      return c;
    },
    async close() {
      await app.close();
      await fresh.drop();
    },
  };
}
