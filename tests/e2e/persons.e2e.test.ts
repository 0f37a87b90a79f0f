import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computeFiscalCode } from '@siso/shared';
import { simulatedResidents } from '../../apps/server/src/anpr-simulator/index.js';
import { expectAccessible, focused, logIn, pressUntil, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

/** A surname nobody else in the demo has (each journey registers its own people). */
function uniqueSurname(): string {
  return `Prova${Array.from(crypto.randomBytes(5), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

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

/** A form field by its label; required fields add " *" to the label. */
function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}( \\*)?$`));
}

async function searchFor(page: Page, q: string): Promise<void> {
  await page.getByLabel('Codice fiscale oppure cognome e nome').fill(q);
  await page.getByRole('button', { name: 'Cerca' }).click();
}

describe('people registry', () => {
  it('searches first, finds nobody, registers with the fiscal code prefilling the form, and finds the person next time', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    await page.getByRole('link', { name: 'Anagrafe' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Anagrafe delle persone' }));
    await expectAccessible(page, 'anagrafe: ricerca');

    const surname = uniqueSurname();
    const code = computeFiscalCode({ surname, name: 'Marta', sex: 'F', birthDate: '1962-05-20', birthPlaceCode: 'C745' });
    await searchFor(page, code);
    await visible(page.getByText('Nessuna persona trovata', { exact: true }));
    await page.getByRole('button', { name: 'Nuova persona' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Nuova persona' }));

    await field(page, 'Codice fiscale').fill(code);
    // The code fills sex, birth date and birthplace (Città di Castello, Belfiore C745).
    await expect.poll(() => field(page, 'Data di nascita').inputValue()).toBe('1962-05-20');
    await expect.poll(() => page.getByRole('combobox', { name: 'Comune di nascita' }).inputValue()).toMatch(/CITT[AÀ] DI CASTELLO/i);
    await field(page, 'Cognome').fill(surname);
    await field(page, 'Nome').fill('Marta');
    await expectAccessible(page, 'anagrafe: nuova persona');
    await page.getByRole('button', { name: 'Salva la persona' }).click();
    await visible(page.getByText('Persona inserita.'));
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(surname) }));
    await expectAccessible(page, 'anagrafe: scheda della persona');

    await page.getByRole('link', { name: 'Anagrafe' }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: 'Anagrafe delle persone' }));
    await searchFor(page, `${surname.slice(0, -1)} marta`);
    await visible(page.getByRole('link', { name: new RegExp(`${surname} Marta`) }));
  });

  it('loads a resident from the registry (ANPR simulator) to prefill the form', async () => {
    const resident = simulatedResidents({ seed: 42, residents: 2000 }).find((r) => !r.death && /^[A-Z' ]+$/.test(r.surname));
    if (!resident) throw new Error('no resident');
    const page = await newPage();
    await logIn(page, 'sportello');
    await page.goto('/persone');
    await searchFor(page, resident.fiscalCode);
    await page.getByRole('button', { name: 'Nuova persona' }).click();
    await field(page, 'Codice fiscale').fill(resident.fiscalCode);
    await page.getByLabel('Motivo della consultazione').fill('Prot. 45/2026 accesso allo sportello');
    await page.getByRole('button', { name: 'Carica da anagrafe (ANPR)' }).click();
    await visible(page.getByText(/Dati caricati dall'anagrafe/));
    await expect.poll(() => field(page, 'Cognome').inputValue()).toMatch(new RegExp(resident.surname, 'i'));
    await expect.poll(() => field(page, 'Nome').inputValue()).toMatch(new RegExp(resident.name, 'i'));
    await expectAccessible(page, 'anagrafe: dati caricati da ANPR');
  });

  it('lets the sector head merge two duplicates field by field', async () => {
    const page = await newPage();
    await logIn(page, 'responsabile');
    const surname = uniqueSurname();
    const token = (await api<{ searchToken: string }>(page, 'persons.find', { q: surname })).searchToken;
    const a = await api<{ id: string }>(page, 'persons.create', { searchToken: token, surname, name: 'Bruno', sex: 'M', birthDate: '1951-02-03' });
    await api(page, 'persons.create', { searchToken: token, surname, name: 'Bruno', sex: 'M', birthDate: '1951-02-03', notes: 'registrato due volte' });

    await page.goto(`/persone/${a.id}`);
    await page.getByRole('link', { name: 'Possibili duplicati' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Possibili duplicati' }));
    await expectAccessible(page, 'anagrafe: possibili duplicati');
    await page.getByRole('link', { name: /Confronta e unisci/ }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: 'Unisci persone' }));
    await expectAccessible(page, 'anagrafe: unione');
    await page.getByLabel("Motivo dell'unione").fill('Stessa persona registrata due volte allo sportello');
    await page.getByRole('button', { name: 'Unisci', exact: true }).click();
    await page.getByRole('button', { name: "Conferma l'unione" }).click();
    await visible(page.getByText('Persone unite: questa è la scheda che resta.'));
    const found = await api<{ items: unknown[] }>(page, 'persons.find', { q: `${surname} Bruno` });
    expect(found.items).toHaveLength(1);
  });

  it('searches and opens a person with the keyboard only', async () => {
    const page = await newPage();
    await logIn(page, 'sportello');
    const surname = uniqueSurname();
    const token = (await api<{ searchToken: string }>(page, 'persons.find', { q: surname })).searchToken;
    await api(page, 'persons.create', { searchToken: token, surname, name: 'Ida', birthDate: '1999-09-09' });
    await page.goto('/persone');
    await visible(page.getByRole('heading', { level: 1, name: 'Anagrafe delle persone' }));
    await pressUntil(page, 'Tab', async (el) => (await el.getAttribute('id')) === (await page.getByLabel('Codice fiscale oppure cognome e nome').getAttribute('id')), 'campo di ricerca');
    await page.keyboard.type(`${surname} ida`);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('link', { name: new RegExp(surname) }));
    await pressUntil(page, 'Tab', async (el) => new RegExp(surname).test((await el.textContent()) ?? ''), 'collegamento alla persona');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(surname) }));
    // The record's heading takes the focus, so a screen reader announces where the user landed.
    await expect.poll(() => focused(page).evaluate((el) => el.tagName)).toBe('H1');
  });
});
