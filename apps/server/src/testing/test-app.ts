import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { z } from 'zod';
import type { ActionContract, ActionName, Contracts, ErrorBody } from '@siso/shared';
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

/** The contracts a test app answers: the registry's, plus the fixture actions a test adds (`extraHandlers`). */
export type ContractMap = Record<string, ActionContract>;

/** The registry and the contracts of some fixture handlers, by action name. */
export type WithHandlers<H extends readonly ActionHandler[]> = Contracts & { [K in H[number] as K['contract']['name']]: K['contract'] };

/** What a test sends to action N: the contract's input (before defaults and transforms, as on the wire). */
export type CallInput<C extends ContractMap, N extends keyof C> = z.input<C[N]['input']>;
/** What action N answers on success: the contract's output, as parsed by the pipeline. */
export type CallOutput<C extends ContractMap, N extends keyof C> = z.output<C[N]['output']>;

/** The registry's input and output of action N, for helpers that call on a test's behalf. */
export type InputOf<N extends ActionName> = CallInput<Contracts, N>;
export type OutputOf<N extends ActionName> = CallOutput<Contracts, N>;

export interface CallOptions {
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  /** Sent as the body instead of the JSON of the input (malformed JSON, huge nestings). */
  rawBody?: string;
}

export interface TestResponse<T = unknown> {
  status: number;
  /** The answer as the action's output contract types it: what a 2xx carries. */
  body: T;
  /**
   * The same answer read through the wire error contract, `{ code, message, details, requestId }`:
   * what a 4xx or 5xx carries. It is the body itself, typed for the assertions on a refusal.
   */
  error: ErrorBody;
  headers: Record<string, unknown>;
}

/**
 * A logged-in (or anonymous) client of the test app, speaking the wire contract over HTTP. `call` is
 * typed by action name from the contracts (input and output); a body the contract refuses on purpose
 * (bad input, an unknown action, a name chosen at run time) goes through `callRaw`.
 */
export class TestClient<C extends ContractMap = Contracts> {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly app: App) {}

  /** Calls action N with its contract's input (left out: `{}`); the body is typed by its output. */
  call<N extends keyof C & string>(action: N, input?: CallInput<C, N>, opts?: CallOptions): Promise<TestResponse<CallOutput<C, N>>> {
    return this.send(action, input ?? {}, opts) as Promise<TestResponse<CallOutput<C, N>>>;
  }

  /**
   * Any action name and any body, the answer untyped: for what the contracts cannot describe — input
   * the server must refuse, an action that does not exist, a name or body picked at run time (the
   * leak and fuzz suites). Everything else uses `call`.
   */
  callRaw(action: string, input: unknown = {}, opts: CallOptions = {}): Promise<TestResponse<unknown>> {
    return this.send(action, input, opts);
  }

  private async send(action: string, input: unknown, opts: CallOptions = {}): Promise<TestResponse<unknown>> {
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
    const body: unknown = res.body ? JSON.parse(res.body) : undefined;
    if (body && typeof body === 'object' && 'csrfToken' in body) this.csrf = String(body.csrfToken);
    return { status: res.statusCode, body, error: body as ErrorBody, headers: res.headers };
  }

  /** Logs in as a persona and, when the persona has several contexts, picks the first. */
  async login(username: string, password = 'demo-siso-2026'): Promise<TestResponse<CallOutput<Contracts, 'auth.login'>>> {
    const res = await this.send('auth.login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(res.body)}`);
    return res as TestResponse<CallOutput<Contracts, 'auth.login'>>;
  }
}

export interface TestApp<C extends ContractMap = Contracts> {
  app: App;
  database: Database;
  client(): TestClient<C>;
  as(username: string): Promise<TestClient<C>>;
  close(): Promise<void>;
}

/** A test app on a fresh database; its clients are typed by the registry plus `extraHandlers`' contracts. */
export async function createTestApp<const H extends readonly ActionHandler[] = []>(
  opts: { jobs?: boolean; extraHandlers?: H; extraJobs?: JobDefinition[]; config?: Record<string, string> } = {},
): Promise<TestApp<WithHandlers<H>>> {
  const fresh = await freshDatabase();
  const config = testConfig({ ...(process.env.SISO_TEST_LOG === '1' ? { SISO_LOG_LEVEL: 'info' } : {}), SISO_DATA_DIR: fresh.dataDir, SISO_JOBS: opts.jobs ? '1' : '0', ...opts.config });
  const app = await createApp(config, fresh.database, {
    logger: process.env.SISO_TEST_LOG === '1',
    fastHashing: true,
    serveWeb: false,
    extraHandlers: opts.extraHandlers ? [...opts.extraHandlers] : undefined,
    extraJobs: opts.extraJobs,
    jobPollingSeconds: 0.5,
  });
  return {
    app,
    database: fresh.database,
    client: () => new TestClient<WithHandlers<H>>(app),
    async as(username) {
      const c = new TestClient<WithHandlers<H>>(app);
      await c.login(username);
      return c;
    },
    async close() {
      await app.close();
      await fresh.drop();
    },
  };
}
