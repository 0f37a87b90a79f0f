import { describe, expect, it } from 'vitest';
import { expectAccessible, htmlLang, logIn, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

describe('the shell', () => {
  it('loads in Italian: the login page, axe clean', async () => {
    const page = await newPage();
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Accesso a SISO' }));
    expect(await htmlLang(page)).toBe('it');
    await visible(page.getByLabel('Nome utente'));
    await visible(page.getByLabel('Password'));
    await visible(page.getByRole('button', { name: 'Accedi' }));
    expect(await page.title()).toContain('Accesso a SISO');
    await expectAccessible(page, 'pagina di accesso');
  });

  it('logs the assistente in: the desk with the name and the ente/office in the header, axe clean', async () => {
    const page = await newPage();
    await logIn(page, 'assistente');
    // One work context: chosen automatically, no context page in between.
    const main = page.getByRole('main');
    await visible(main.getByText('Benvenuto in SISO, Anna Sociale.'));
    const header = page.getByRole('banner');
    await visible(header.getByText('Comune di Città di Castello · Servizio Sociale Professionale'));
    await visible(header.getByRole('button', { name: /Anna Sociale/ }));
    await visible(page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Scrivania' }));
    await expectAccessible(page, 'scrivania (assistente)');
  });

  it('switches to English with the header control, axe clean', async () => {
    const page = await newPage();
    await logIn(page, 'assistente');
    await page.getByRole('banner').getByRole('button', { name: /Lingua selezionata/ }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Desk' }));
    await visible(page.getByText('Welcome to SISO, Anna Sociale.'));
    await visible(page.getByRole('navigation', { name: 'Main menu' }));
    await expect.poll(() => htmlLang(page), { timeout: 5_000 }).toBe('en');
    await visible(page.getByRole('banner').getByRole('button', { name: /Selected language/ }));
    await expectAccessible(page, 'scrivania in inglese');

    // The choice survives a reload (kept in localStorage).
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'Desk' }));
    expect(await htmlLang(page)).toBe('en');
  });
});
