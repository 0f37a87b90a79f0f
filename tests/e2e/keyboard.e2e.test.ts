import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, focused, pressUntil, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

/**
 * The whole journey with the keyboard only (Tab, Shift+Tab, Enter, Escape and typing): no click,
 * no fill. The only non-keyboard step is opening the address.
 */
describe('keyboard only', () => {
  it('logs the sportello in, skips to the content, opens and closes the alerts', async () => {
    const page = await newPage();
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Accesso a SISO' }));

    await pressUntil(page, 'Tab', async (el) => (await el.getAttribute('name')) === 'username', 'campo Nome utente');
    await page.keyboard.type('sportello');
    await page.keyboard.press('Tab');
    expect(await focused(page).getAttribute('name')).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: 'Scrivania' }));
    await visible(page.getByText('Benvenuto in SISO, Silvia Accoglienza.'));

    // Skip link: the first stop of the page, it moves the focus to <main>.
    await pressUntil(
      page,
      'Tab',
      async (el) => ((await el.textContent()) ?? '').trim() === 'Vai al contenuto principale',
      'collegamento «Vai al contenuto principale»',
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page).getAttribute('id'), { timeout: 5_000 }).toBe('main-content');

    // Back up into the header to the alerts bell, open it with Enter, close it with Escape.
    await pressUntil(
      page,
      'Shift+Tab',
      async (el) => /^Avvisi\b/.test((await el.getAttribute('aria-label')) ?? ''),
      'pulsante Avvisi',
    );
    const bell = focused(page);
    expect(await bell.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    const panelTitle = page.getByRole('banner').getByRole('heading', { level: 2, name: 'Avvisi' });
    await visible(panelTitle);
    expect(await page.getByRole('button', { name: /^Avvisi\b/ }).getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('Escape');
    await panelTitle.waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: /^Avvisi\b/ }).getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page).getAttribute('aria-label')).toMatch(/^Avvisi\b/);
  });
});
