import { describe, expect, it } from 'vitest';
import { baseUrl, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

describe('API documentation', () => {
  it('serves the Swagger UI listing auth.login', async () => {
    const page = await newPage();
    await page.goto('/api/docs');
    await visible(page.locator('.swagger-ui'));
    await visible(page.getByText('/api/auth.login', { exact: true }));
  });

  it('serves a valid OpenAPI document with /api/auth.login', async () => {
    const res = await fetch(`${baseUrl()}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text()) as { openapi?: string; paths?: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths?.['/api/auth.login']).toBeDefined();
  });
});
