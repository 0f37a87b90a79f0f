import crypto from 'node:crypto';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, focused, logIn, pressUntil, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

/**
 * Sharing and break-the-glass on screen (issue 11, point 1), across personas, in one journey: the desk
 * writes a scheda with a private note; the sector head shares it with a social worker for reading; she
 * reads it through the share and opens the private note with an emergency access; the sector head
 * revokes the share; the DPO sees both. The dialogs are driven with the keyboard (Tab, arrows, Space,
 * Enter, typing); every screen is checked with axe. E2E_SCREENSHOTS=1 keeps a picture of each screen.
 */
let scheda = '';
const NOTE = 'Riferisce tensioni in famiglia: richiamare con cautela.';
const REASON = 'Rischio per la persona: serve la nota dello sportello per la visita di oggi.';

/** A picture of a screen (the part shown: a dialog's viewport, or one section) when E2E_SCREENSHOTS=1. */
async function snap(page: Page, name: string, part?: Locator): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  const file = path.resolve('test-results/e2e/screens', `${name}.png`);
  await (part ? part.screenshot({ path: file }) : page.screenshot({ path: file, fullPage: true }));
}

const sharing = (page: Page): Locator => page.getByRole('region', { name: 'Condivisioni', exact: true });

/** Gives the focus to a control the way Tab would, then activates it with Enter. */
async function pressOn(page: Page, control: Locator): Promise<void> {
  await control.focus();
  await page.keyboard.press('Enter');
}

describe('sharing and break-the-glass', () => {
  it('the desk writes a scheda with a private note', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    await page.goto('/sportello/schede/nuova');
    const user = page.getByRole('region', { name: 'Utente', exact: true });
    await user.getByLabel('Codice fiscale oppure cognome e nome').fill(`Condivisa${crypto.randomBytes(3).toString('hex').replace(/\d/g, 'x')}`);
    await user.getByRole('button', { name: 'Cerca' }).click();
    await user.getByRole('button', { name: 'Utente anonimo' }).click();
    await visible(page.getByRole('heading', { level: 1, name: /^Scheda \d{4}\// }));
    const diary = page.getByRole('region', { name: 'Diario', exact: true });
    await diary.getByLabel(/^Testo della nota/).fill(NOTE);
    await diary.getByLabel(/^Nota privata/).focus();
    await page.keyboard.press('Space');
    expect(await diary.getByLabel(/^Nota privata/).isChecked()).toBe(true);
    await diary.getByRole('button', { name: 'Aggiungi nota' }).click();
    await visible(diary.getByText(NOTE));
    scheda = new URL(page.url()).pathname;
  });

  it('the sector head shares it with a social worker for reading, with the keyboard', async () => {
    const page = await newPage();
    await logIn(page, 'responsabile');
    await page.goto(scheda);
    const panel = await visible(sharing(page));
    await visible(panel.getByText('Nessuna condivisione.'));
    await expectAccessible(page, 'scheda con le condivisioni');

    await pressOn(page, panel.getByRole('button', { name: 'Condividi' }));
    const dialog = await visible(page.getByRole('dialog', { name: 'Condividi questi dati' }));
    // The focus starts inside the dialog, on the kind of recipient ("Operatore" is chosen).
    expect(await focused(page).getAttribute('type')).toBe('radio');
    await pressUntil(page, 'Tab', async (el) => (await el.getAttribute('type')) === 'search', "campo «Cerca l'operatore per nome»");
    await page.keyboard.type('Anna');
    // Before the search the list shows the region's operators: wait until it is the search's answer.
    const results = dialog.getByRole('radiogroup', { name: 'Risultati della ricerca' });
    await expect.poll(() => results.getByRole('radio').first().evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''), { timeout: 20_000 }).toMatch(/^Anna Sociale/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    // The personas of every comune share names: the first is of the actor's own ambito and comune.
    await visible(dialog.getByText(/^Scelto: Anna Sociale — Servizio Sociale Professionale — Comune di Città di Castello\.$/));
    await pressUntil(page, 'Tab', async (el) => (await el.evaluate((x) => x.tagName)) === 'TEXTAREA', 'campo Finalità');
    await page.keyboard.type('Valutazione congiunta per la presa in carico');
    await expectAccessible(page, 'finestra «Condividi questi dati»');
    await snap(page, 'condividi', dialog);
    await pressUntil(page, 'Tab', async (el) => (await el.getAttribute('type')) === 'submit', 'pulsante Condividi');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await visible(panel.getByText('Dati condivisi con Anna Sociale.'));
    const row = panel.getByRole('row', { name: /Anna Sociale/ });
    await visible(row.getByText('Sola lettura'));
    await visible(row.getByText('In vigore'));
    await snap(page, 'scheda-condivisioni', panel);
  });

  it('the social worker reads it through the share and opens the private note with an emergency access', async () => {
    const page = await newPage();
    await logIn(page, 'assistente');
    await page.goto(scheda);
    const diary = page.getByRole('region', { name: 'Diario', exact: true });
    const offer = diary.getByRole('button', { name: 'Accesso di emergenza — nota privata di Silvia Accoglienza' });
    await visible(offer);
    expect(await diary.getByText(NOTE).count()).toBe(0);
    // Who reads a record through a read share sees the shares they made: none.
    await visible(sharing(page).getByText('Nessuna condivisione.'));
    await expectAccessible(page, 'scheda letta tramite condivisione');

    await pressOn(page, offer);
    const dialog = await visible(page.getByRole('dialog', { name: 'Accesso di emergenza' }));
    expect(await dialog.getByRole('checkbox', { name: 'Note e dati riservati' }).isChecked()).toBe(true);
    await pressUntil(page, 'Tab', async (el) => (await el.evaluate((x) => x.tagName)) === 'TEXTAREA', 'campo Motivazione');
    await page.keyboard.type('Urgente');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('300');
    await page.keyboard.press('Enter');
    await visible(dialog.getByText('Scrivere una motivazione di almeno 20 caratteri.'));
    await visible(dialog.getByText('Indicare una durata da 5 a 240 minuti.'));
    expect(await focused(page).evaluate((x) => x.tagName)).toBe('TEXTAREA');
    await expectAccessible(page, "finestra «Accesso di emergenza» con gli errori");
    await page.keyboard.press('Control+A');
    await page.keyboard.type(REASON);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await snap(page, 'accesso-emergenza', dialog);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await visible(page.getByText(/^Accesso di emergenza aperto fino al \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}\.$/));
    await visible(diary.getByText(NOTE));
    expect(await page.getByRole('status').filter({ hasText: 'Accesso di emergenza aperto' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, "scheda con l'accesso di emergenza aperto");
    await snap(page, 'scheda-accesso-aperto', page.getByRole('status').filter({ hasText: 'Accesso di emergenza aperto' }));
    await snap(page, 'diario-aperto', diary);
  });

  it('the sector head revokes the share', async () => {
    const page = await newPage();
    await logIn(page, 'responsabile');
    await page.goto(scheda);
    const panel = await visible(sharing(page));
    await pressOn(page, panel.getByRole('button', { name: 'Revoca Anna Sociale (operatore)' }));
    const dialog = await visible(page.getByRole('dialog', { name: 'Revocare la condivisione?' }));
    await expectAccessible(page, 'finestra di revoca');
    await pressOn(page, dialog.getByRole('button', { name: 'Revoca la condivisione' }));
    await dialog.waitFor({ state: 'detached' });
    await visible(panel.getByText('Condivisione con Anna Sociale (operatore) revocata.'));
    await visible(panel.getByRole('row', { name: /Anna Sociale/ }).getByText('Revocata'));

    // The person of the scheda has the same panel, as a tab of their page.
    await page.getByRole('region', { name: 'Utente', exact: true }).getByRole('link').first().click();
    await pressOn(page, page.getByRole('tab', { name: 'Condivisioni' }));
    const personPanel = await visible(page.getByRole('region', { name: 'Condivisioni', exact: true }));
    await visible(personPanel.getByRole('button', { name: 'Condividi' }));
    await expectAccessible(page, 'persona: condivisioni');
    await snap(page, 'persona-condivisioni');
  });

  it('the DPO sees the emergency access and every share of the ambito', async () => {
    const page = await newPage();
    await logIn(page, 'dpo');
    await page.goto('/audit');
    await visible(page.getByRole('heading', { level: 1, name: 'Registro di audit' }));
    await page.getByRole('tab', { name: "Accessi d'emergenza" }).click();
    const glass = await visible(page.getByRole('row', { name: new RegExp(REASON.slice(0, 30)) }));
    await visible(glass.getByText('Anna Sociale'));
    await visible(glass.getByText('Note e dati riservati'));
    await expectAccessible(page, "registro: accessi d'emergenza");
    await snap(page, 'dpo-accessi-emergenza');

    await page.getByRole('tab', { name: 'Condivisioni' }).click();
    const share = await visible(page.getByRole('row', { name: /Valutazione congiunta per la presa in carico/ }));
    await visible(share.getByText('Revocata'));
    await visible(share.getByText('Scheda di accesso'));
    await expectAccessible(page, 'registro: condivisioni');
    await snap(page, 'dpo-condivisioni');
    await share.getByRole('button', { name: /^Vedi nel registro/ }).click();
    expect(await page.getByRole('tab', { name: 'Registro' }).getAttribute('aria-selected')).toBe('true');
    await visible(page.getByRole('cell', { name: /grants\.revoke/ }).first());
  });
});
