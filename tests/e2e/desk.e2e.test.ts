import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, focused, logIn, mainMenuLinks, pressUntil, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

/** Calls the API from the page's session (cookie + CSRF token of auth.me), as the web client does. */
async function api<T = Record<string, unknown>>(page: Page, action: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([name, body]) => {
      const me = await fetch('/api/auth.me', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const { csrfToken } = (await me.json()) as { csrfToken: string };
      const res = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    [action, input] as const,
  ) as Promise<T>;
}

interface Intake {
  id: string;
  number: string;
  version: number;
}

/** A minimal scheda in the logged-in operator's desk (anonymous user, access section only). */
async function createIntake(page: Page): Promise<Intake> {
  const tag = crypto.randomBytes(4).toString('hex');
  return api<Intake>(page, 'intakeRecords.create', { access: { mode: 'in_person', reason: 'spontaneous', description: `Prova e2e ${tag}` } });
}

/** The general desk (Sportello di Segretariato Sociale) of a comune of the demo, as a send destination. */
async function deskOf(page: Page, comune: string): Promise<string> {
  const found = await api<{ items: { officeId: string; officeType: string; enteName: string }[] }>(page, 'desks.find', { purpose: 'destinations', q: comune });
  const desk = found.items.find((d) => d.officeType === 'sportello_accoglienza' && d.enteName.includes(comune));
  if (!desk) throw new Error(`nessuno sportello di ${comune}`);
  return desk.officeId;
}

/** The desk home's list of schede received from other desks. */
function receivedSection(page: Page) {
  return page.getByRole('region', { name: /Schede ricevute da altri sportelli/ });
}

describe('intake desk', () => {
  it('sends a scheda to another ente’s desk, which finds it among the received ones and accepts it', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    expect(await mainMenuLinks(page)).toContain('Sportello');
    const intake = await createIntake(page);
    await page.goto(`/sportello/schede/${intake.id}`);
    await visible(page.getByRole('heading', { level: 1, name: `Scheda ${intake.number}` }));

    await page.getByRole('button', { name: 'Invia ad altro sportello' }).click();
    const dialog = page.getByRole('dialog', { name: `Invia la scheda ${intake.number}` });
    await visible(dialog);
    await dialog.getByLabel('Cerca uno sportello (nome, ente o ambito)').fill('Umbertide');
    const umbertide = dialog.getByRole('group', { name: /Comune di Umbertide/ });
    // bootstrap-italia draws the radio on its label (the input itself is transparent): click as a person does.
    await umbertide.locator('label').filter({ hasText: 'Sportello di Segretariato Sociale' }).click();
    expect(await umbertide.getByRole('radio', { name: /Sportello di Segretariato Sociale/ }).isChecked()).toBe(true);
    await dialog.getByLabel('Messaggio per lo sportello di destinazione').fill('Residente a Umbertide: per competenza.');
    await expectAccessible(page, 'sportello: finestra di invio');
    await dialog.getByRole('button', { name: 'Invia la scheda' }).click();
    await visible(page.getByText(/Scheda inviata a Sportello di Segretariato Sociale \(Comune di Umbertide\)/));
    expect(await dialog.count()).toBe(0);

    const other = await newPage();
    await logIn(other, 'sportelloB');
    await other.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Sportello' }).click();
    await visible(other.getByRole('heading', { level: 1, name: 'Sportello' }));
    await receivedSection(other).getByRole('link', { name: `Apri la scheda ricevuta ${intake.number}` }).click();
    await visible(other.getByRole('heading', { level: 1, name: `Scheda ricevuta ${intake.number}` }));
    await visible(other.getByText('Residente a Umbertide: per competenza.'));
    await expectAccessible(other, 'sportello: scheda ricevuta');
    await other.getByRole('button', { name: 'Accetta' }).click();
    // The accepted scheda is a new one of the receiving ente, with its own number.
    await other.waitForURL(/\/sportello\/schede\/[0-9a-f-]{36}$/);
    expect(other.url()).not.toContain(intake.id);
    await visible(other.getByRole('heading', { level: 1, name: /^Scheda \d{4}\/\d+$/ }));
  });

  it('refuses a received scheda only with a reason', async () => {
    const sender = await newPage();
    await logIn(sender, 'sportello');
    const intake = await createIntake(sender);
    await api(sender, 'intakeRecords.send', { id: intake.id, version: intake.version, destOfficeId: await deskOf(sender, 'Umbertide') });

    const page = await newPage();
    await logIn(page, 'sportelloB');
    await page.goto('/sportello');
    await receivedSection(page).getByRole('link', { name: `Apri la scheda ricevuta ${intake.number}` }).click();
    await visible(page.getByRole('heading', { level: 1, name: `Scheda ricevuta ${intake.number}` }));
    await page.getByRole('button', { name: 'Rifiuta', exact: true }).click();
    const reason = page.getByLabel(/^Motivo del rifiuto/);
    await reason.fill('no');
    await page.getByRole('button', { name: 'Rifiuta la scheda' }).click();
    await visible(page.getByText('Scrivi il motivo del rifiuto (almeno 5 caratteri).'));
    await reason.fill('Non residente nel nostro comune.');
    await page.getByRole('button', { name: 'Rifiuta la scheda' }).click();
    await visible(page.getByText(/Scheda rifiutata/));
    await visible(page.getByText('Motivo del rifiuto: Non residente nel nostro comune.'));
    expect(await page.getByRole('button', { name: 'Accetta' }).count()).toBe(0);

    await page.goto('/sportello');
    await visible(page.getByRole('heading', { level: 1, name: 'Sportello' }));
    await visible(receivedSection(page));
    expect(await receivedSection(page).getByRole('link', { name: `Apri la scheda ricevuta ${intake.number}` }).count()).toBe(0);
  });

  it('desk home, schede list (with its XLSX export), proposals and desk configuration pass axe', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    await page.goto('/sportello');
    await visible(page.getByRole('heading', { level: 2, name: 'Il mese in corso' }));
    await expectAccessible(page, 'sportello: pagina iniziale');
    await page.getByRole('link', { name: 'Tutte le schede' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Schede dello sportello' }));
    await visible(page.getByRole('button', { name: 'Esporta XLSX' }));
    await expectAccessible(page, 'sportello: elenco delle schede');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta XLSX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await visible(page.getByText(/^File scaricato/));

    const social = await newPage();
    await logIn(social, 'assistente');
    expect(await mainMenuLinks(social)).toContain('Proposte di presa in carico');
    await social.getByRole('link', { name: 'Proposte di presa in carico' }).click();
    await visible(social.getByRole('heading', { level: 1, name: 'Proposte di presa in carico' }));
    await visible(social.getByLabel('Stato'));
    await expectAccessible(social, 'proposte di presa in carico');

    const admin = await newPage();
    await logIn(admin, 'admin');
    await admin.goto('/amministrazione/sportelli');
    await visible(admin.getByRole('heading', { level: 1, name: 'Sportelli' }));
    await admin.getByRole('button', { name: /^Configura\s+Sportello di Segretariato Sociale \(Comune di Città di Castello\)$/ }).click();
    await visible(admin.getByRole('heading', { name: /^Configura Sportello di Segretariato Sociale/ }));
    await expectAccessible(admin, 'amministrazione: sportelli');
  });

  it('keyboard only: from the desk home to "Nuova scheda" and to a received scheda', async () => {
    const sender = await newPage();
    await logIn(sender, 'sportelloB');
    const intake = await createIntake(sender);
    await api(sender, 'intakeRecords.send', { id: intake.id, version: intake.version, destOfficeId: await deskOf(sender, 'Castello') });

    const page = await newPage();
    await logIn(page, 'sportello');
    await page.goto('/sportello');
    await visible(page.getByRole('heading', { level: 2, name: 'Il mese in corso' }));
    await pressUntil(page, 'Tab', async (el) => (await el.innerText()).trim() === 'Nuova scheda', 'Nuova scheda');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sportello\/schede\/nuova$/);
    await page.goBack();
    await visible(page.getByRole('heading', { level: 2, name: 'Il mese in corso' }));
    const name = `Apri la scheda ricevuta ${intake.number}`;
    await pressUntil(page, 'Tab', async (el) => (await el.getAttribute('aria-label')) === name, name, 80);
    expect(await focused(page).getAttribute('href')).toMatch(/^\/sportello\/ricevute\//);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: `Scheda ricevuta ${intake.number}` }));
  });
});
