import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logIn, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

interface Seen {
  action: string;
  status: number;
  body: unknown;
}

/**
 * The web client's CSRF renewal (apps/web/src/lib/api.ts) against the real server: no stub between
 * them, the 403 is the one the pipeline sends.
 */
describe('a CSRF token rotated by another login', () => {
  it('is renewed through auth.me and the refused action is repeated once, without the operator noticing', async () => {
    const page = await newPage();
    await logIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Job', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Job' }));

    // Another tab of the same browser logs in again: the cookie jar now holds a new session whose
    // CSRF token this page has never seen (it keeps its own in memory).
    const relogin = await page.context().request.post('/api/auth.login', { data: { username: 'admin', password: DEMO_PASSWORD } });
    expect(relogin.status()).toBe(200);

    const seen: Seen[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (res: Response) => {
      const action = new URL(res.url()).pathname.replace(/^\/api\//, '');
      if (action !== 'jobs.start' && action !== 'auth.me') return;
      // Kept in the order the answers arrived; the bodies are read afterwards.
      const entry: Seen = { action, status: res.status(), body: undefined };
      seen.push(entry);
      pending.push(res.json().then((body: unknown) => void (entry.body = body)));
    });

    const definitions = page.getByRole('table', { name: /Job definiti/ });
    await definitions.getByRole('row').filter({ hasText: 'maintenance.cleanup' }).getByRole('button', { name: 'Avvia ora: Pulizia periodica' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Job «Pulizia periodica» messo in coda.' }));
    await Promise.all(pending);

    expect(seen.map((s) => `${s.action} ${s.status}`)).toEqual(['jobs.start 403', 'auth.me 200', 'jobs.start 200']);
    expect(seen[0]!.body).toMatchObject({
      code: 'csrf_invalid',
      details: [{ path: 'x-csrf-token', message: 'Token di sicurezza mancante o scaduto: ricaricare la pagina.' }],
    });
  });
});
