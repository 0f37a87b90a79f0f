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

  it('trusts no proxy by default, in production too', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', SISO_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') }).trustedProxies).toEqual([]);
  });

  it('reads SISO_TRUSTED_PROXIES as addresses and CIDR ranges, and refuses anything else', () => {
    expect(loadConfig({ SISO_TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    for (const bad of ['localhost', '10.0.0.0/33', '::/129', '10.0.0.1/8/8', '10.0.0.0/x', '256.0.0.1', '*']) {
      expect(() => loadConfig({ SISO_TRUSTED_PROXIES: bad }), bad).toThrow(/SISO_TRUSTED_PROXIES/);
    }
  });

  it('requires SMTP_URL with the smtp transport', () => {
    expect(() => loadConfig({ SISO_MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
  });
});
