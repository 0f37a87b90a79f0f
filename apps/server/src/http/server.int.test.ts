import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts } from '@siso/shared';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('HTTP surface', () => {
  it('GET /api/health reports status, database kind and version', async () => {
    const res = await t.app.server.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.database.kind, version: t.app.services.version });
  });

  it('publishes an OpenAPI document generated from every contract', async () => {
    const res = await t.app.server.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.0.3');
    for (const name of Object.keys(contracts)) expect(doc.paths[`/api/${name}`]?.post, name).toBeDefined();
    const login = doc.paths['/api/auth.login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(['username', 'password']);
    expect(doc.paths['/api/jobs.findRuns'].get).toBeDefined();
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const res = await t.app.server.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger-ui/i);
  });

  it('sends security headers', async () => {
    const res = await t.app.server.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
