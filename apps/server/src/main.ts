import { ConfigError, loadConfig } from './config/config.js';
import { openDatabase } from './db/database.js';
import { createApp } from './app.js';

/** Boot: config → database (embedded or PostgreSQL) → migrations and code lists → seed → HTTP → jobs. */
async function main(): Promise<void> {
  const t0 = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const database = await openDatabase(config);
  const app = await createApp(config, database);
  await app.server.listen({ port: config.port, host: config.host });
  app.server.log.info(
    `SISO ${app.services.version} pronto su http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} ` +
      `(database: ${database.kind}, avvio in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.server.log.info(`${signal}: chiusura in corso`);
    app
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        console.error(err);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
