import { describe, expect, it } from 'vitest';
import { expectAccessible, logIn, mainMenuLinks, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

/**
 * The main menu of each demo persona, written by hand from the policy tables (access issue):
 * - system.get, jobs.find, operators.find, profiles.find, entes.upsert → the two administrators;
 * - audit.find → the DPO only (administrators do not read the log they are recorded in);
 * - everyone else has no entry beyond the desk (organisation.tree alone does not open "Amministrazione");
 * - desks.home → "Sportello" (desk operators, social workers, sector heads, third-sector access points);
 *   proposals.find → "Proposte di presa in carico" (the professional social service) — issue 5.
 */
const ADMIN_MENU = ['Scrivania', 'Informazioni di sistema', 'Job', 'Amministrazione'];
const personas: Array<{ username: string; name: string; menu: string[] }> = [
  { username: 'sysadmin', name: 'Sara Sistemi', menu: ADMIN_MENU },
  { username: 'admin', name: 'Alberto Amministra', menu: ADMIN_MENU },
  { username: 'dpo', name: 'Daniela Protezione', menu: ['Scrivania', 'Audit'] },
  { username: 'sportello', name: 'Silvia Accoglienza', menu: ['Scrivania', 'Sportello', 'Anagrafe'] },
  { username: 'assistente', name: 'Anna Sociale', menu: ['Scrivania', 'Sportello', 'Anagrafe', 'Proposte di presa in carico'] },
  { username: 'responsabile', name: 'Roberto Settore', menu: ['Scrivania', 'Sportello', 'Anagrafe', 'Proposte di presa in carico'] },
  { username: 'regione', name: 'Renata Osservatorio', menu: ['Scrivania'] },
  { username: 'terzosettore', name: 'Tommaso Cooperativa', menu: ['Scrivania', 'Sportello', 'Anagrafe'] },
];

describe('each persona sees only its menu', () => {
  for (const p of personas) {
    it(`${p.username}: ${p.menu.join(', ')}; the desk is axe clean`, async () => {
      const page = await newPage();
      await logIn(page, p.username);
      await visible(page.getByText(`Benvenuto in SISO, ${p.name}.`));
      expect(await mainMenuLinks(page)).toEqual(p.menu);
      await expectAccessible(page, `scrivania (${p.username})`);
    });
  }
});
