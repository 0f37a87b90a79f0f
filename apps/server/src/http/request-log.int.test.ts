import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { freshDatabase } from '../testing/test-app.js';
import { testConfig } from '../testing/test-config.js';

/** An app whose log lines (pino JSON) are kept in memory, at the given level. */
async function appLoggingAt(level: 'info' | 'debug'): Promise<{ app: App; lines: () => Array<Record<string, unknown>>; drop(): Promise<void> }> {
  const fresh = await freshDatabase();
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const log = pino({ level }, sink);
  const app = await createApp(testConfig({ SISO_DATA_DIR: fresh.dataDir, SISO_LOG_LEVEL: level }), fresh.database, { log, fastHashing: true, serveWeb: false });
  const lines = () => chunks.join('').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { app, lines, drop: async () => (await app.close(), await fresh.drop()) };
}

const apps: Array<{ drop(): Promise<void> }> = [];
afterAll(async () => {
  for (const a of apps) await a.drop();
});

describe('request log lines (issue 11: requests at debug, readable and without personal data)', () => {
  it('at debug, one line per request: method, path without the query string, status, milliseconds', async () => {
    const a = await appLoggingAt('debug');
    apps.push(a);
    const input = encodeURIComponent(JSON.stringify({ fiscalCode: 'RSSMRA80A01C745X' }));
    const res = await a.app.server.inject({ method: 'GET', url: `/api/persons.find?input=${input}` });
    expect(res.statusCode).toBe(401);
    await a.app.server.inject({ method: 'GET', url: '/api/health' });
    const requests = a.lines().filter((l) => l.msg === 'richiesta');
    expect(requests.map((l) => [l.level, l.method, l.path, l.status])).toEqual([
      [20, 'GET', '/api/persons.find', 401],
      [20, 'GET', '/api/health', 200],
    ]);
    expect(typeof requests[0]!.ms).toBe('number');
    expect(JSON.stringify(a.lines())).not.toContain('RSSMRA80A01C745X');
    expect(a.lines().some((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toBe(false);
  });

  it('at info (the default), a request writes nothing', async () => {
    const a = await appLoggingAt('info');
    apps.push(a);
    const before = a.lines().length;
    for (let i = 0; i < 20; i++) await a.app.server.inject({ method: 'GET', url: '/api/health' });
    expect(a.lines().length).toBe(before);
  });
});
