import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: embedded database in ./data, port 3000, file mail transport', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.mail.transport).toBe('file');
    expect(c.demo).toBe(true);
    expect(c.cookieSecure).toBe(false);
  });

  it('turns the demo off and secure cookies on in production', () => {
    const c = loadConfig({ NODE_ENV: 'production', SISO_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(c.demo).toBe(false);
    expect(c.cookieSecure).toBe(true);
  });

  it('lists every problem at once, by variable name', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SISO_MAIL_TRANSPORT: 'smtp' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT: /m);
      expect(problems).toMatch(/^DATABASE_URL: deve iniziare con postgres/m);
      expect((err as ConfigError).message).toMatch(/^Configurazione non valida:/);
    }
  });

  it('requires SISO_SECRET_KEY in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SISO_SECRET_KEY/);
    expect(() => loadConfig({ SISO_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/32 byte/);
  });

  it('requires SMTP_URL with the smtp transport', () => {
    expect(() => loadConfig({ SISO_MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
  });
});
