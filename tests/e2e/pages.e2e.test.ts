import { describe, expect, it } from 'vitest';
import { expectAccessible, logIn, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

/**
 * axe on the pages no other journey visits (/sistema and /sistema/job: system.e2e; the administration
 * pages and /audit: administration.e2e; the desk of every persona: personas.e2e).
 */
describe('every page is axe clean', () => {
  it('the accessibility statement, without logging in', async () => {
    const page = await newPage();
    await page.goto('/accessibilita');
    await visible(page.getByRole('heading', { level: 1, name: /accessibilità/i }));
    await expectAccessible(page, '/accessibilita');
  });

  it('"Il mio profilo" of the assistente', async () => {
    const page = await newPage();
    await logIn(page, 'assistente');
    await page.getByRole('banner').getByRole('button', { name: /Anna Sociale/ }).click();
    await page.getByRole('link', { name: 'Il mio profilo' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Il mio profilo' }));
    expect(new URL(page.url()).pathname).toBe('/profilo');
    await visible(page.getByText('Anna Sociale (assistente)', { exact: false }));
    await visible(page.getByRole('heading', { level: 2, name: 'Sessioni aperte' }));
    await visible(page.getByRole('heading', { level: 2, name: 'Notifiche' }));
    await expectAccessible(page, '/profilo (assistente)');
  });

  it('the not-found page and a page the profile does not allow (sportello)', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    await page.goto('/non-esiste');
    await visible(page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }));
    await expectAccessible(page, 'pagina non trovata');

    for (const path of ['/sistema', '/sistema/job', '/audit', '/amministrazione/operatori', '/amministrazione/profili']) {
      await page.goto(path);
      await visible(page.getByRole('alert').getByRole('heading', { name: 'Pagina non disponibile' }));
    }
    await expectAccessible(page, 'pagina non disponibile');
  });
});
