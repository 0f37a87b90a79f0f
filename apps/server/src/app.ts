import { loadSqlParser } from './access/sql-scope-check.js';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { AppServices } from './app-services.js';
import { startRegistry, type RegistryClient } from './modules/persons/registry/index.js';
import { NoneRegistryClient } from './modules/persons/registry/none-client.js';
import type { AnprSimulator } from './anpr-simulator/index.js';
import { sealAudit } from './audit/audit-sealer.js';
import { createPasswordHasher } from './auth/password.js';
import { SessionStore } from './auth/session-store.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { buildServer, type BuildServerOptions } from './http/server.js';
import { jobDefinitions } from './jobs/definitions/index.js';
import { JobService } from './jobs/job-service.js';
import type { JobDefinition } from './jobs/job-definition.js';
import { createMailer } from './notifications/mailer.js';
import { loadReferenceData } from './reference-data/load-reference-data.js';
import { seedDemo } from './seed/demo-seed.js';
import { syncTemplatePermissions } from './access/template-permissions.js';
import { version } from './version.js';
import { createLogger, logFormat } from './startup/logger.js';
import { recordFingerprint, storedFingerprint } from './startup/fingerprint-store.js';
import { startFingerprint } from './startup/start-fingerprint.js';
import { StartupTimer } from './startup/startup-timer.js';

const SEAL_DEBOUNCE_MS = 200;

/** Migrations, then the vendored code lists (re-runnable: unchanged files are skipped). */
export async function prepareDatabase(database: Database, log: (msg: string) => void): Promise<void> {
  const m = await migrate(database.pool);
  if (m.applied.length > 0) log(`migrazioni applicate: ${m.applied.join(', ')}`);
  const loaded = await loadReferenceData(database.pool);
  const changed = loaded.filter((d) => !d.skipped);
  if (changed.length > 0) log(`dati di riferimento caricati: ${changed.map((d) => `${d.name} (${d.rows})`).join(', ')}`);
}

export function createServices(
  config: Config,
  database: Database,
  log: FastifyBaseLogger,
  opts: { fastHashing?: boolean; extraJobs?: JobDefinition[]; registry?: RegistryClient } = {},
): AppServices {
  const jobs = new JobService([...jobDefinitions, ...(opts.extraJobs ?? [])], log);
  let sealing: Promise<unknown> | null = null;
  let sealTimer: NodeJS.Timeout | null = null;
  let sealAgain = false;
  const services: AppServices = {
    config,
    version,
    startedAt: new Date(),
    database,
    sessions: new SessionStore(database.db, config),
    jobs,
    mailer: createMailer(config),
    passwords: createPasswordHasher({ fast: opts.fastHashing }),
    registry: opts.registry ?? new NoneRegistryClient(),
    afterCommit(what = { audit: true, outbox: true }) {
      if (what.outbox) jobs.kick(services);
      if (!what.audit || sealTimer) return;
      // Sealing is batched: at most one run every SEAL_DEBOUNCE_MS, so a burst of audited requests is
      // sealed in a few statements instead of several per request (bench/access).
      sealTimer = setTimeout(() => {
        sealTimer = null;
        const run = (): Promise<unknown> =>
          sealAudit(database.db)
            .catch((err: unknown) => log.error({ err }, 'audit sealing failed'))
            .then(() => {
              if (!sealAgain) return;
              sealAgain = false;
              return run();
            });
        if (sealing) {
          sealAgain = true;
          return;
        }
        sealing = run().finally(() => (sealing = null));
      }, SEAL_DEBOUNCE_MS);
      sealTimer.unref();
    },
  };
  return services;
}

/** Waits for the in-process sealer (tests, shutdown). */
export async function drainAfterCommit(services: AppServices): Promise<void> {
  await sealAudit(services.database.db, 10_000_000, { full: true });
}

export interface App {
  services: AppServices;
  /** The in-process ANPR simulator when SISO_REGISTRY=simulator (demo, tests), else null. */
  registrySimulator: AnprSimulator | null;
  server: FastifyInstance;
  /** Starts pg-boss and the schedules (when SISO_JOBS is on); createApp does it unless told not to. */
  startJobs(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateAppOptions extends BuildServerOptions {
  fastHashing?: boolean;
  seed?: boolean;
  jobPollingSeconds?: number;
  extraJobs?: JobDefinition[];
  /** The process's logger (main.ts); otherwise one is made from the configuration. */
  log?: Logger;
  /** Collects the phase timings of a start (main.ts, bench/platform). */
  timer?: StartupTimer;
  /** false: the caller starts the jobs (main.ts, after listening). Default: before createApp returns. */
  startJobs?: boolean;
  /** The stored start fingerprint, when the caller already read it (main.ts, while the code loaded). */
  storedFingerprint?: Promise<string | null>;
}

/**
 * Migrations, code lists, demo seed and the built-in templates' permissions, then the fingerprint that
 * lets the next start skip all of it (startup/start-fingerprint.ts).
 */
async function prepareAtStart(
  config: Config,
  database: Database,
  opts: { seed: boolean; fastHashing?: boolean; fingerprint: string; timer: StartupTimer; log: Logger },
): Promise<void> {
  const { timer, log, fingerprint } = opts;
  const m = await timer.time('migrations', () => migrate(database.pool));
  if (m.applied.length > 0) log.info(`migrazioni applicate: ${m.applied.join(', ')}`);
  const changed = (await timer.time('referenceData', () => loadReferenceData(database.pool))).filter((d) => !d.skipped);
  if (changed.length > 0) log.info(`dati di riferimento caricati: ${changed.map((d) => `${d.name} (${d.rows})`).join(', ')}`);
  await timer.time('seed', async () => {
    if (opts.seed) {
      const seeded = await seedDemo(database.db, {
        passwords: createPasswordHasher({ fast: opts.fastHashing }),
        password: config.demoPassword,
        production: config.production,
        demo: config.demo,
        demoExplicit: config.demoExplicit,
      });
      if (seeded.seeded) log.info(`regione dimostrativa creata: ${seeded.operators} operatori`);
    }
    for (const s of await syncTemplatePermissions(database.db)) log.info(`modello ${s.code}: nuovi permessi ${s.added.join(', ')}`);
  });
  // Not being able to record it costs the next start the preparation again, nothing more.
  await recordFingerprint(database.pool, fingerprint).catch((err: unknown) => log.warn({ err }, 'impronta di avvio non registrata'));
}

/** The registry (ANPR, municipal, the demo's simulator or none), the services and the HTTP server. */
async function buildHttp(config: Config, database: Database, log: Logger, opts: CreateAppOptions, timer: StartupTimer) {
  // ANPR via PDND, a municipal registry, the in-process simulator (demo) or none: docs/registry.md.
  const registry = await timer.time('registry', () => startRegistry(config, log));
  const services = createServices(config, database, log, { ...opts, registry: registry.client });
  const server = await timer.time('http', () => buildServer(services, { ...opts, log }));
  return { registry, services, server };
}

export async function createApp(config: Config, database: Database, opts: CreateAppOptions = {}): Promise<App> {
  const timer = opts.timer ?? new StartupTimer();
  const log = opts.log ?? (await createLogger(opts.logger === false ? 'silent' : config.logLevel, logFormat(config.logFormat)));
  const seed = opts.seed !== false;
  const fingerprint = startFingerprint({ demo: seed && config.demo });
  // First, alone: one round trip that usually says there is nothing to prepare (before the work
  // below keeps this thread busy and the answer waiting).
  const stored = await (opts.storedFingerprint ?? timer.time('fingerprint', () => storedFingerprint(database.pool)));
  const prepared = stored === fingerprint;
  // Independent work side by side: the database's runs in the PGlite worker (or the PostgreSQL
  // server) while this thread loads PostgreSQL's parser (WebAssembly, for the scope guard: needed
  // before the first request, not before the migrations) and builds the registry and the routes.
  const [, , { registry, services, server }] = await Promise.all([
    timer.time('sqlParser', () => loadSqlParser()),
    prepared ? undefined : prepareAtStart(config, database, { seed, fastHashing: opts.fastHashing, fingerprint, timer, log }),
    buildHttp(config, database, log, opts, timer),
  ]);
  const startJobs = async () => {
    if (config.jobs) await services.jobs.start(services, { pollingIntervalSeconds: opts.jobPollingSeconds });
  };
  if (opts.startJobs !== false) await startJobs();
  return {
    services,
    server,
    registrySimulator: registry.simulator,
    startJobs,
    async close() {
      await server.close();
      await services.jobs.stop();
      await registry.close();
      await drainAfterCommit(services).catch(() => undefined);
      await database.close();
    },
  };
}
