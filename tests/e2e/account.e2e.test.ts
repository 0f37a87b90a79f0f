import { describe, it } from 'vitest';
import { expectAccessible, logIn, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();
const NEW_PASSWORD = 'Tramonto-sul-Trasimeno-7';

describe('my profile', () => {
  it('changes the password from "Il mio profilo", then logs in again with the new one, axe clean', async () => {
    const page = await newPage();
    await logIn(page, 'sportelloB');
    await page.getByRole('banner').getByRole('button', { name: /Silvia Accoglienza/ }).click();
    await page.getByRole('link', { name: 'Il mio profilo' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Il mio profilo' }));
    await visible(page.getByRole('heading', { level: 2, name: 'Sessioni aperte' }));
    await visible(page.getByRole('heading', { level: 2, name: 'Notifiche' }));
    await expectAccessible(page, 'il mio profilo');

    await page.getByLabel('Password attuale').fill('demo-siso-2026');
    await page.getByLabel(/^Nuova password/).fill(NEW_PASSWORD);
    await page.getByLabel('Conferma nuova password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await visible(page.getByText('Password cambiata.'));

    await page.getByRole('button', { name: 'Esci da tutti i dispositivi' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Accesso a SISO' }));
    await logIn(page, 'sportelloB', NEW_PASSWORD);
    await visible(page.getByText('Benvenuto in SISO, Silvia Accoglienza.'));
  });
});
