import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, focusIsVisible, focused, pressUntil, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

const text = async (el: Locator) => ((await el.textContent()) ?? '').trim();

/**
 * The DPO's audit journey with the keyboard only (Tab, Shift+Tab, Enter, Space, End on the tabs as
 * WAI-ARIA tabs expect, and typing): no click, no fill. The only non-keyboard step is opening the address.
 */
describe('keyboard only: the audit log', () => {
  it('logs the DPO in, opens Audit from the menu, filters, verifies the integrity of the chain', async () => {
    const page = await newPage();
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Accesso a SISO' }));

    await pressUntil(page, 'Tab', async (el) => (await el.getAttribute('name')) === 'username', 'campo Nome utente');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.type('dpo');
    await page.keyboard.press('Tab');
    expect(await focused(page).getAttribute('name')).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: 'Scrivania' }));

    // The main menu's "Audit" link.
    await pressUntil(page, 'Tab', async (el) => (await text(el)) === 'Audit' && (await el.getAttribute('href')) === '/audit', 'voce di menu «Audit»');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: 'Registro di audit' }));
    expect(new URL(page.url()).pathname).toBe('/audit');

    // Filter by the DPO's own username: reading the log is itself logged (audit.find).
    await pressUntil(page, 'Tab', async (el) => (await el.getAttribute('name')) === 'operator', 'filtro Operatore');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.type('dpo');
    await pressUntil(page, 'Tab', async (el) => (await text(el)) === 'Cerca', 'pulsante Cerca');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Space');
    const rows = page.getByRole('table', { name: 'Righe del registro di audit, dalla più recente' }).locator('tbody tr');
    await expect
      .poll(async () => {
        const texts = await rows.allInnerTexts();
        return texts.length > 0 && texts.every((t) => t.includes('Daniela Protezione (dpo)'));
      }, { timeout: 20_000 })
      .toBe(true);
    expect((await rows.allInnerTexts()).some((t) => t.includes('audit.find'))).toBe(true);

    // Back to the tabs (only the active one is in the tab order), End selects "Integrità".
    await pressUntil(page, 'Shift+Tab', async (el) => (await el.getAttribute('role')) === 'tab', 'scheda Registro');
    expect(await text(focused(page))).toBe('Registro');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('End');
    expect(await text(focused(page))).toBe('Integrità');
    expect(await focused(page).getAttribute('aria-selected')).toBe('true');
    await visible(page.getByRole('heading', { level: 2, name: 'Verifica integrità' }));

    await pressUntil(page, 'Tab', async (el) => (await text(el)) === 'Verifica integrità' && (await el.evaluate((e) => e.tagName)) === 'BUTTON', 'pulsante Verifica integrità');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');

    // The result is announced in a live region.
    const result = page.getByRole('status').filter({ hasText: 'Catena integra.' });
    await visible(result);
    expect(await result.innerText()).toMatch(/\d+ righe verificate \(\d+ sigillate ora\)/);
  });
});
