import { loadSqlParser } from './access/sql-scope-check.js';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
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
  close(): Promise<void>;
}

export async function createApp(
  config: Config,
  database: Database,
  opts: BuildServerOptions & { fastHashing?: boolean; seed?: boolean; jobPollingSeconds?: number; extraJobs?: JobDefinition[] } = {},
): Promise<App> {
  const log = pino({ level: opts.logger === false ? 'silent' : config.logLevel });
  // The scope guard parses request SQL with PostgreSQL's parser (WebAssembly), loaded before any request.
  await loadSqlParser();
  await prepareDatabase(database, (m) => log.info(m));
  // ANPR via PDND, a municipal registry, the in-process simulator (demo) or none: docs/registry.md.
  const registry = await startRegistry(config, log);
  const services = createServices(config, database, log, { ...opts, registry: registry.client });
  if (opts.seed !== false) {
    const seeded = await seedDemo(database.db, {
      passwords: services.passwords,
      password: config.demoPassword,
      production: config.production,
      demo: config.demo,
      demoExplicit: config.demoExplicit,
    });
    if (seeded.seeded) log.info(`regione dimostrativa creata: ${seeded.operators} operatori`);
  }
  for (const s of await syncTemplatePermissions(database.db)) log.info(`modello ${s.code}: nuovi permessi ${s.added.join(', ')}`);
  const server = await buildServer(services, opts);
  if (config.jobs) await services.jobs.start(services, { pollingIntervalSeconds: opts.jobPollingSeconds });
  return {
    services,
    server,
    registrySimulator: registry.simulator,
    async close() {
      await server.close();
      await services.jobs.stop();
      await registry.close();
      await drainAfterCommit(services).catch(() => undefined);
      await database.close();
    },
  };
}
