import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, logIn, logOut, mainMenuLinks, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

const stamp = Date.now().toString(36);
const OFFICE = `Sportello e2e ${stamp}`;
const USERNAME = `e2e.op${stamp}`;
const NEW_PASSWORD = 'Nuova-Chiave-2026!';
const ADMIN_ENTE = 'Comune di Città di Castello';

/** A form field by its exact label, with or without the "required" asterisk. */
function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));
}

/** The audit rows shown for `operator` (username), as the text of each row. */
async function auditRowsFor(page: Page, operator: string, action: string): Promise<string[]> {
  const filters = page.getByRole('form', { name: 'Filtri del registro' });
  await filters.getByLabel('Operatore').fill(operator);
  await field(filters, 'Azione').fill(action);
  await filters.getByRole('button', { name: 'Cerca' }).click();
  const table = page.getByRole('table', { name: 'Righe del registro di audit, dalla più recente' });
  const rows = table.locator('tbody tr');
  // The table first keeps the previous rows: wait until every row is one of the filter's.
  const matches = (t: string) => t.includes(`(${operator})`) && t.includes(action);
  await expect
    .poll(async () => {
      const texts = await rows.allInnerTexts();
      return texts.length > 0 && texts.every(matches);
    }, { timeout: 20_000 })
    .toBe(true);
  return rows.allInnerTexts();
}

describe('administration: office, operator, first login, audit', () => {
  it('the admin creates an office and an operator; the operator changes the temporary password; the DPO finds their actions in the audit', async () => {
    const page = await newPage();
    await logIn(page, 'admin');
    const nav = page.getByRole('navigation', { name: 'Menu principale' });
    await nav.getByRole('link', { name: 'Amministrazione' }).click();

    // Organisation tree: a new office in the admin's comune.
    await visible(page.getByRole('heading', { level: 1, name: 'Organizzazione' }));
    expect(new URL(page.url()).pathname).toBe('/amministrazione/organizzazione');
    await expectAccessible(page, '/amministrazione/organizzazione');
    await page.getByRole('button', { name: `Nuovo ufficio ${ADMIN_ENTE}`, exact: true }).click();
    const officePanel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Nuovo ufficio' }) });
    await visible(officePanel);
    await field(officePanel, 'Nome').fill(OFFICE);
    await field(officePanel, 'Tipo di ufficio').selectOption({ label: 'Sportello di accoglienza' });
    await expectAccessible(page, '/amministrazione/organizzazione (nuovo ufficio)');
    await officePanel.getByRole('button', { name: 'Salva' }).click();
    await officePanel.waitFor({ state: 'detached' });
    await visible(page.getByRole('listitem').filter({ hasText: OFFICE }));

    // Operators: a new operator in that office with the "Operatore di sportello" profile.
    const adminNav = page.getByRole('navigation', { name: "Sezioni dell'amministrazione" });
    await adminNav.getByRole('link', { name: 'Operatori' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Operatori' }));
    await visible(page.getByRole('table', { name: 'Operatori' }));
    await expectAccessible(page, '/amministrazione/operatori');
    await page.getByRole('button', { name: 'Nuovo operatore' }).click();
    const opPanel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Nuovo operatore' }) });
    await visible(opPanel);
    await field(opPanel, 'Nome utente').fill(USERNAME);
    await field(opPanel, 'Nome').fill('Elena');
    await field(opPanel, 'Cognome').fill('Prova');
    await field(opPanel, 'Ufficio').selectOption({ label: `${ADMIN_ENTE} — ${OFFICE}` });
    await field(opPanel, 'Profilo professionale').selectOption({ label: 'Operatore di sportello' });
    const profile = field(opPanel, 'Profilo di accesso');
    const profileLabels = (await profile.locator('option').allInnerTexts()).map((s) => s.trim());
    const sportello = profileLabels.find((l) => l === 'Operatore di sportello') ?? profileLabels.find((l) => l.startsWith('Operatore di sportello'));
    expect(sportello, `profili offerti: ${profileLabels.join(' | ')}`).toBeDefined();
    await profile.selectOption({ label: sportello! });
    await expectAccessible(page, '/amministrazione/operatori (nuovo operatore)');
    await opPanel.getByRole('button', { name: 'Salva' }).click();

    const shown = page.getByRole('status').filter({ hasText: `Password temporanea di ${USERNAME}:` });
    await visible(shown);
    const temporary = (await shown.locator('code').innerText()).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await expectAccessible(page, '/amministrazione/operatori (password temporanea)');
    await shown.getByRole('button', { name: 'Ho preso nota' }).click();
    await shown.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'Operatori' }).getByRole('row').filter({ hasText: USERNAME });
    await visible(row);
    await visible(row.getByText('Deve cambiare la password'));

    // Profiles.
    await adminNav.getByRole('link', { name: 'Profili' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Profili' }));
    await visible(page.getByText('Operatore di sportello').first());
    await expectAccessible(page, '/amministrazione/profili');

    // The admin does not read the audit log: no menu entry, and the address says the page is not available.
    expect(await mainMenuLinks(page)).not.toContain('Audit');
    await page.goto('/audit');
    await visible(page.getByRole('alert').getByRole('heading', { name: 'Pagina non disponibile' }));
    await expectAccessible(page, '/audit (admin, non disponibile)');
    await logOut(page, /Alberto Amministra/);

    // First login of the new operator: the forced change of password, then the desk.
    await page.getByLabel('Nome utente').fill(USERNAME);
    await page.getByLabel('Password').fill(temporary);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Cambio della password' }));
    await expectAccessible(page, 'cambio della password obbligatorio');
    await page.getByLabel('Password attuale').fill(temporary);
    await page.getByLabel(/^Nuova password/).fill(NEW_PASSWORD);
    await page.getByLabel('Conferma nuova password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Scrivania' }));
    await visible(page.getByText('Benvenuto in SISO, Elena Prova.'));
    await visible(page.getByText(`Stai lavorando per ${ADMIN_ENTE}, ufficio ${OFFICE}.`));
    expect(await mainMenuLinks(page)).toEqual(['Scrivania', 'Sportello', 'Anagrafe']);
    await logOut(page, /Elena Prova/);
    await logIn(page, USERNAME, NEW_PASSWORD);
    await visible(page.getByText('Benvenuto in SISO, Elena Prova.'));
    await logOut(page, /Elena Prova/);

    // The DPO of the ambito finds the operator's change of password and the admin's creation.
    await logIn(page, 'dpo');
    await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Audit' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Registro di audit' }));
    await visible(page.getByRole('table', { name: 'Righe del registro di audit, dalla più recente' }));
    await expectAccessible(page, '/audit (dpo)');

    // What the ambito's log holds for the new operator: the forced password change of the first login
    // (taken before any work context, it belongs to the operator's only ambito) and the two logouts.
    const own = await auditRowsFor(page, USERNAME, 'auth.');
    expect(own.filter((r) => r.includes('auth.changePassword')).length).toBe(1);
    expect(own.filter((r) => r.includes('auth.logout')).length).toBeGreaterThanOrEqual(2);
    for (const r of own) expect(r).toContain(`Elena Prova (${USERNAME})`);
    for (const r of own.filter((x) => x.includes('auth.logout'))) expect(r).toContain(`${ADMIN_ENTE} · ${OFFICE}`);

    const creations = await auditRowsFor(page, 'admin', 'operators.create');
    expect(creations.length).toBeGreaterThanOrEqual(1);
    expect(creations[0]).toContain('Alberto Amministra (admin)');
    await expectAccessible(page, '/audit (dpo, filtrato)');
  });
});
