import pino, { type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config/config.js';

export type LogFormat = 'pretty' | 'json';

/**
 * `auto`: readable lines on a terminal (someone is watching `npm start`), JSON lines otherwise (a
 * service manager or a log collector reads them). SISO_LOG_FORMAT forces either.
 */
export function logFormat(setting: Config['logFormat'], stdout: { isTTY?: boolean } = process.stdout): LogFormat {
  if (setting !== 'auto') return setting;
  return stdout.isTTY === true ? 'pretty' : 'json';
}

const options = (level: Config['logLevel']): LoggerOptions => ({
  level,
  // Session cookies and CSRF tokens never reach a log line, whatever the level.
  redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
});

/**
 * The process's one logger, shared by the services and Fastify. pino-pretty is loaded only for a
 * terminal, and runs as a synchronous stream in this thread: as a pino transport it would start a
 * worker thread (and its own module loading) at every start, and could lose the last lines of a crash.
 */
export async function createLogger(level: Config['logLevel'], format: LogFormat): Promise<Logger> {
  if (format === 'json') return pino(options(level));
  const { default: pretty } = await import('pino-pretty');
  const stream = pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  return pino(options(level), stream);
}
