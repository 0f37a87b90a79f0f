import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, focused, logIn, logOut, pressUntil, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

/** A surname nobody else in the demo has (each journey registers its own people). */
function uniqueSurname(): string {
  return `Sportello${Array.from(crypto.randomBytes(5), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

/** A form field by its label; required fields add " *" to the label. */
function field(scope: Page | Locator, label: string) {
  return scope.getByLabel(new RegExp(`^${label}( \\*)?$`));
}

function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** Saves a section and waits for its confirmation. */
async function saveSection(page: Page, name: string): Promise<void> {
  const s = section(page, name);
  await s.getByRole('button', { name: /Salva sezione/ }).click();
  await visible(page.getByText(`Sezione «${name}» salvata.`));
}

/** New scheda, the user recorded as anonymous after a search (persons.create identity anonymous). */
async function newIntakeWithAnonymousUser(page: Page): Promise<string> {
  await page.goto('/sportello/schede/nuova');
  await visible(page.getByRole('heading', { level: 1, name: 'Nuova scheda di accesso' }));
  const user = section(page, 'Utente');
  await user.getByLabel('Codice fiscale oppure cognome e nome').fill(uniqueSurname());
  await user.getByRole('button', { name: 'Cerca' }).click();
  await user.getByRole('button', { name: 'Utente anonimo' }).click();
  await visible(page.getByRole('heading', { level: 1, name: /^Scheda \d{4}\// }));
  await visible(page.getByText(/^Scheda .* creata\.$/));
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/^Scheda /, '').trim();
}

/** A minimal PDF and a 1×1 PNG: the server checks their first bytes against the declared type. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('intake desk: the scheda accesso', () => {
  it('anonymous intake → privacy notice signed → identity completed, seen on the scheda', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    await newIntakeWithAnonymousUser(page);
    const scheda = page.url();
    const user = section(page, 'Utente');
    const anonCode = (await user.getByRole('link').first().innerText()).trim();
    expect(anonCode).toMatch(/^ANON/);
    await visible(user.getByText('Utente anonimo', { exact: true }));
    await expectAccessible(page, 'scheda di accesso');

    // siso-original §5.1 step 3: the user stays anonymous until the privacy form is signed (H4b's panel)…
    await page.getByRole('button', { name: 'Registra informativa' }).click();
    await page.getByLabel("Registra la consegna dell'informativa").check();
    await page.getByLabel('Modulo firmato (PDF, JPEG o PNG)').setInputFiles({ name: 'informativa-firmata.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Registra', exact: true }).click();
    const recorded = page.getByRole('status').filter({ hasText: 'Informativa e consensi registrati.' });
    await visible(recorded);
    const toPerson = recorded.getByRole('link', { name: 'Vai alla scheda della persona' });
    await visible(toPerson);
    await expectAccessible(page, 'scheda di accesso con informativa registrata');

    // …and the signed form is what lets the operator complete the identity, on the registry page.
    await toPerson.click();
    await page.getByRole('button', { name: 'Identifica' }).click();
    const panel = page.getByRole('region', { name: 'Identifica la persona' });
    const surname = uniqueSurname();
    await field(panel, 'Cognome').fill(surname);
    await field(panel, 'Nome').fill('Lucia');
    await panel.getByRole('button', { name: 'Identifica' }).click();
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(surname, 'i') }));

    // Back on the scheda: the name, and the notice signed.
    await page.goBack();
    expect(page.url()).toBe(scheda);
    await visible(section(page, 'Utente').getByRole('link', { name: new RegExp(surname, 'i') }));
    await visible(section(page, 'Utente').getByText('Firmata', { exact: true }));
    await expectAccessible(page, 'scheda di accesso con utente identificato');
  });

  it('full intake: foreigner section, two service requests with a PDF and a PNG, completed with a proposal the professional service sees', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    await page.goto('/sportello/schede/nuova');
    await visible(page.getByRole('heading', { level: 1, name: 'Nuova scheda di accesso' }));

    const access = section(page, 'Accesso');
    // The current desk's contact points (the demo's "Sede centrale"), from the desk home.
    await field(access, 'Punto di contatto').selectOption({ label: 'Sede centrale' });
    await field(access, 'Modalità di accesso').selectOption({ label: 'Di persona' });
    await field(access, "Motivo dell'accesso").selectOption({ label: 'Spontaneo' });
    await field(access, 'Descrizione della richiesta').fill('Chiede aiuto per il rinnovo del permesso e un alloggio.');
    await access.getByRole('button', { name: /Salva sezione/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: /^Scheda \d{4}\// }));
    const number = (await page.getByRole('heading', { level: 1 }).innerText()).replace(/^Scheda /, '').trim();
    // Saved with the scheda: the created scheda offers its desk's points with the chosen one selected.
    expect(await field(access, 'Punto di contatto').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Sede centrale');

    const user = section(page, 'Utente');
    await user.getByLabel('Codice fiscale oppure cognome e nome').fill(uniqueSurname());
    await user.getByRole('button', { name: 'Cerca' }).click();
    await user.getByRole('button', { name: 'Utente anonimo' }).click();
    await visible(page.getByText('Sezione «Utente» salvata.'));

    const interlocutor = section(page, 'Interlocutore');
    await interlocutor.getByRole('button', { name: "È l'utente stesso" }).click();
    expect(await interlocutor.getByLabel("L'utente stesso").isChecked()).toBe(true);
    await saveSection(page, 'Interlocutore');

    const foreigner = section(page, 'Stranieri');
    await foreigner.getByRole('combobox', { name: 'Paese di provenienza' }).fill('Marocco');
    await foreigner.getByRole('option', { name: /Marocco/i }).first().click();
    await field(foreigner, 'Anno di arrivo in Italia').fill('2019');
    await field(foreigner, 'Stato del permesso').selectOption({ label: 'In rinnovo' });
    await field(foreigner, "Conoscenza dell'italiano").selectOption({ label: 'A2' });
    await saveSection(page, 'Stranieri');

    const requests = section(page, 'Richieste di servizio');
    // A text file declared as PDF: the server reads its first bytes and refuses it, next to the file input.
    const newForm = requests.getByRole('form', { name: 'Nuova richiesta di servizio' });
    await field(requests, 'Servizio').selectOption({ index: 1 });
    await requests.locator('input[type="file"]').setInputFiles({ name: 'finto.pdf', mimeType: 'application/pdf', buffer: Buffer.from('non sono un PDF') });
    await requests.getByRole('button', { name: 'Aggiungi richiesta' }).click();
    const summary = await visible(newForm.getByRole('alert'));
    expect(await summary.getByRole('link').first().innerText()).toMatch(/^Allegati: /);
    expect(await requests.locator('input[type="file"]').getAttribute('aria-invalid')).toBe('true');
    expect(await requests.getByTestId('service-request').count()).toBe(0);
    for (const file of [
      { name: 'referto.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'documento.png', mimeType: 'image/png', buffer: PNG },
    ]) {
      await field(requests, 'Servizio').selectOption({ index: 1 });
      await field(requests, 'Tempo impiegato \\(minuti\\)').last().fill('20');
      await requests.locator('input[type="file"]').setInputFiles(file);
      await requests.getByRole('button', { name: 'Aggiungi richiesta' }).click();
      // The request's own download button is the proof it was saved (the text of the last outcome may still be on screen meanwhile).
      await visible(requests.getByRole('button', { name: `Scarica ${file.name}` }));
      expect(await newForm.getByRole('alert').count(), await newForm.innerText()).toBe(0);
    }
    expect(await requests.getByTestId('service-request').count()).toBe(2);
    // The attachment comes back as it went (attachments.get → blob URL → download).
    const [download] = await Promise.all([page.waitForEvent('download'), requests.getByRole('button', { name: 'Scarica referto.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('referto.pdf');
    const path = await download.path();
    expect(fs.readFileSync(path).equals(PDF)).toBe(true);
    await expectAccessible(page, 'scheda di accesso compilata');

    const needs = section(page, 'Bisogni');
    // bootstrap-italia draws its own box over the native checkbox: the label is what one clicks.
    await needs.getByText('Alloggio', { exact: true }).click();
    expect(await needs.getByRole('checkbox', { name: 'Alloggio' }).isChecked()).toBe(true);
    await saveSection(page, 'Bisogni');

    const outcome = section(page, 'Esito');
    await field(outcome, 'Esito').selectOption({ label: 'Proposta di presa in carico' });
    await field(outcome, 'Categoria sociale').selectOption({ label: 'Adulti' });
    await saveSection(page, 'Esito');

    await page.getByRole('button', { name: 'Completa' }).click();
    await visible(page.getByText('Scheda completata.'));
    const [printed] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Stampa', exact: true }).click()]);
    expect(fs.readFileSync(await printed.path()).subarray(0, 5).toString()).toBe('%PDF-');

    await logOut(page, /Silvia/);
    await logIn(page, 'responsabile');
    await page.goto('/proposte');
    await visible(page.getByRole('heading', { level: 1, name: 'Proposte di presa in carico' }));
    await visible(page.getByRole('main').getByText(number, { exact: false }));
  });

  it('saves a section with the keyboard only: section nav, fields, the save button, focus on the confirmation', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    await newIntakeWithAnonymousUser(page);
    await page.locator('body').focus();
    const nav = page.getByRole('navigation', { name: 'Sezioni della scheda' });
    const esitoLink = nav.getByRole('link', { name: 'Esito' });
    await pressUntil(page, 'Tab', (el) => el.evaluate((n) => n.tagName === 'A' && (n.textContent ?? '').startsWith('Esito') && n.closest('nav[aria-label="Sezioni della scheda"]') !== null), 'il link «Esito» della navigazione', 80);
    expect(await esitoLink.evaluate((n) => n === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused(page).getAttribute('id')).toBe('sezione-outcome');
    await pressUntil(page, 'Tab', async (el) => (await el.getAttribute('id')) === 'ia-outcome-note', 'il campo «Nota» dell’esito');
    await page.keyboard.type('Orientata al CPI.');
    await pressUntil(page, 'Tab', async (el) => /Salva sezione/.test(await el.innerText()), 'il pulsante «Salva sezione»');
    await page.keyboard.press('Enter');
    await visible(page.getByText('Sezione «Esito» salvata.'));
    expect(await focused(page).innerText()).toBe('Sezione «Esito» salvata.');
  });
  it('copies a scheda into a new one, then deletes the copy with a reason from the keyboard; axe clean', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    const number = await newIntakeWithAnonymousUser(page);
    const anonCode = (await section(page, 'Utente').getByRole('link').first().innerText()).trim();

    await page.getByRole('button', { name: 'Copia in una nuova scheda' }).click();
    await visible(page.getByText(`Nuova scheda con i dati della scheda ${number}: completare l'accesso.`));
    const copyNumber = (await page.getByRole('heading', { level: 1 }).innerText()).replace(/^Scheda /, '').trim();
    expect(copyNumber).not.toBe(number);
    // The copy is about the same (anonymous) user.
    await visible(section(page, 'Utente').getByText(anonCode, { exact: true }));
    const copyUrl = page.url();

    // Keyboard only from here: the dialog takes the focus into its reason box, Tab reaches "Elimina".
    await page.getByRole('button', { name: 'Elimina scheda' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Eliminare la scheda ${copyNumber}?` });
    await visible(dialog);
    expect(await focused(page).getAttribute('id')).toMatch(/-reason$/);
    await expectAccessible(page, 'eliminazione della scheda');
    await page.keyboard.type('Copia fatta per errore');
    await pressUntil(page, 'Tab', async (el) => (await el.innerText()).trim() === 'Elimina', 'il pulsante «Elimina»');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: 'Sportello' }));
    await visible(page.getByText(`Scheda ${copyNumber} eliminata.`));

    // Gone for good from the operator's point of view.
    await page.goto(copyUrl);
    await visible(page.getByRole('heading', { level: 1, name: 'Scheda non trovata' }));
  });
});
