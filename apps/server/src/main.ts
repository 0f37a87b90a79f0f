import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { openDatabase, type Database } from './db/database.js';
import { EmbeddedInUseError } from './db/embedded.js';
import { storedFingerprint } from './startup/fingerprint-store.js';
import { createLogger, logFormat } from './startup/logger.js';
import { StartupTimer } from './startup/startup-timer.js';

/** Exit code of a server that refuses a data directory another process holds (docs/configuration.md). */
const EXIT_DATA_DIR_IN_USE = 3;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

/** Opens the database; a data directory held by another live process ends the start with its reason. */
async function openOwnDatabase(config: Config, log: Logger): Promise<Database> {
  try {
    return await openDatabase(config, { exclusive: true, prepared: true });
  } catch (err) {
    if (!(err instanceof EmbeddedInUseError)) throw err;
    log.fatal({ dataDir: err.dataDir, ownerPid: err.ownerPid }, err.message);
    process.exit(EXIT_DATA_DIR_IN_USE);
  }
}

function onSignals(close: () => Promise<void>, log: Logger): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info(`${signal}: chiusura in corso`);
    close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        console.error(err);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/**
 * Boot: config → database, opened in its worker thread while the rest of the code loads → migrations,
 * code lists and seed (skipped when already done) beside the routes → listen → jobs. Each phase is
 * timed (startup/startup-timer.ts) and the "pronto" line carries the figures bench/platform reads.
 */
async function main(): Promise<void> {
  const beforeMain = performance.now();
  const config = readConfig();
  const log = await createLogger(config.logLevel, logFormat(config.logFormat));
  const timer = new StartupTimer((phase, ms) => log.debug({ phase, ms }, `avvio: ${phase} ${ms} ms`));
  const build = StartupTimer.startBuildMs();
  if (build > 0) timer.record('build', build);
  timer.record('imports', beforeMain - build);
  // The rest of the code loads while the database opens: two cores, two jobs. Its time counts as imports.
  const opening = timer.time('database', () => openOwnDatabase(config, log));
  // What the last start recorded, read as soon as the database is open (a first connection and one
  // query) rather than after the code has loaded.
  const stored = opening.then((db) => timer.time('fingerprint', () => storedFingerprint(db.pool)));
  const [database, { createApp }] = await Promise.all([opening, timer.time('imports', () => import('./app.js')), stored]);
  const app = await createApp(config, database, { log, timer, startJobs: false, storedFingerprint: stored });
  // A stop while the jobs are still starting waits for them: closing the pool under pg-boss's start
  // would end a clean Ctrl-C with an error.
  let jobs: Promise<void> = Promise.resolve();
  onSignals(async () => {
    await jobs.catch(() => undefined);
    await app.close();
  }, log);
  await timer.time('listen', () => app.server.listen({ port: config.port, host: config.host }));
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const readyMs = timer.sinceProcessStart();
  // CPU time of the whole process (every thread) beside the wall time: the part of a slow start
  // that is this process's own work rather than a busy machine's.
  const cpu = process.cpuUsage();
  log.info(
    { readyMs, cpuMs: Math.round((cpu.user + cpu.system) / 1000), phases: timer.phases, database: database.kind, dataDirOrigin: database.embeddedOrigin },
    `SISO ${app.services.version} pronto su http://${host}:${config.port} (database: ${database.kind}, avvio in ${(readyMs / 1000).toFixed(1)} s)`,
  );
  jobs = timer.time('jobs', () => app.startJobs());
  await jobs;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
