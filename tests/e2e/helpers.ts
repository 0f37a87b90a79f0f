import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest';
import { launchBrowser } from './chromium.js';

/** Password of every demo persona (SISO_DEMO=1, the seed's default). */
export const DEMO_PASSWORD = 'demo-siso-2026';
/** How long a journey waits for one thing to appear (the server may be busy with PGlite). */
export const WAIT_MS = 20_000;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function baseUrl(): string {
  return inject('e2eBaseUrl');
}

/**
 * One browser per test file; each test opens its own context (fresh cookies and localStorage), so a
 * journey never depends on another. Call at the top level of a test file.
 */
export function useBrowser(): { newPage: () => Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    async newPage() {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({ baseURL: baseUrl(), locale: 'it-IT', viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const problems: string[] = [];
      page.on('pageerror', (err) => problems.push(`errore JavaScript: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
      });
      page.on('requestfailed', (req) => problems.push(`richiesta fallita: ${req.method()} ${req.url()} (${req.failure()?.errorText ?? '?'})`));
      page.on('response', (res) => {
        if (res.status() >= 500) problems.push(`risposta ${res.status()}: ${res.request().method()} ${res.url()}`);
      });
      onTestFailed(({ task }) => reportFailure(page, task.name, problems));
      return page;
    },
  };
}

/** On failure: the address, the visible text and a screenshot in test-results/e2e (git-ignored). */
async function reportFailure(page: Page, name: string, problems: string[]): Promise<void> {
  if (problems.length) console.error(`[e2e] «${name}»: problemi nel browser:\n  ${problems.slice(0, 30).join('\n  ')}`);
  if (page.isClosed()) return;
  try {
    const dir = path.resolve('test-results/e2e');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
    const text = (await page.locator('body').innerText({ timeout: 5_000 })).slice(0, 4_000);
    console.error(`[e2e] «${name}» fallito su ${page.url()}\n[e2e] schermata: ${file}\n[e2e] testo della pagina:\n${text}`);
  } catch (err) {
    console.error(`[e2e] «${name}»: stato della pagina non disponibile (${String(err)})`);
  }
}

/** Waits until the locator is visible (playwright-core has no auto-waiting `expect`). */
export async function visible(locator: Locator, timeout = WAIT_MS): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** Runs axe with the WCAG 2.1 A/AA rules; on failure prints each violation's id, impact and targets. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} [${v.impact ?? 'n/a'}] ${v.help} → ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
  expect(violations, `axe: violazioni WCAG 2.1 AA in ${where}`).toEqual([]);
}

/** Fills the login form with the mouse-free locators a screen reader user would find. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await visible(page.getByRole('heading', { level: 1, name: 'Accesso a SISO' }));
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Scrivania' }));
}

/** The element that has the keyboard focus now. */
export function focused(page: Page): Locator {
  return page.locator(':focus');
}

/** Presses `key` until `matches` says the focused element is the wanted one; fails after `max` presses. */
export async function pressUntil(
  page: Page,
  key: 'Tab' | 'Shift+Tab',
  matches: (el: Locator) => Promise<boolean>,
  what: string,
  max = 40,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if ((await focused(page).count()) === 1 && (await matches(focused(page)))) return;
  }
  throw new Error(`${what}: non raggiunto con ${max} pressioni di ${key}`);
}

/** The labels of the links in the main menu ("Menu principale"), in order. */
export async function mainMenuLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Menu principale' });
  await visible(nav.getByRole('link').first());
  return (await nav.getByRole('link').allInnerTexts()).map((s) => s.trim());
}

/** Logs out from the operator's menu in the header; waits for the login page. */
export async function logOut(page: Page, displayName: string | RegExp): Promise<void> {
  const name = typeof displayName === 'string' ? new RegExp(displayName) : displayName;
  await page.getByRole('banner').getByRole('button', { name }).click();
  await page.getByRole('button', { name: 'Esci', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Accesso a SISO' }));
}

/**
 * Whether the focused element shows a focus indicator: a non-zero outline or a box-shadow (the ring
 * bootstrap-italia draws on :focus-visible).
 */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== '' && s.boxShadow !== 'none';
    return outline || shadow;
  });
}
