import { describe, expect, it } from 'vitest';
import { expectAccessible, logIn, useBrowser, visible } from './helpers.js';

const { newPage } = useBrowser();

describe('system information and jobs (admin)', () => {
  it('shows the database, migrations and reference data, then runs maintenance.cleanup to completion', async () => {
    const page = await newPage();
    await logIn(page, 'admin');
    const nav = page.getByRole('navigation', { name: 'Menu principale' });

    await nav.getByRole('link', { name: 'Informazioni di sistema' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Informazioni di sistema' }));
    expect(new URL(page.url()).pathname).toBe('/sistema');
    await visible(page.getByText('PostgreSQL integrato (PGlite)'));
    const migrations = page.getByRole('table', { name: 'Migrazioni del database' });
    await visible(migrations.getByRole('rowheader', { name: '0001_platform' }));
    const reference = page.getByRole('table', { name: 'Dati di riferimento' });
    await visible(reference.getByRole('rowheader', { name: 'anpr.comuni' }));
    await expectAccessible(page, '/sistema');

    await nav.getByRole('link', { name: 'Job', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Job' }));
    expect(new URL(page.url()).pathname).toBe('/sistema/job');
    const definitions = page.getByRole('table', { name: /Job definiti/ });
    const cleanup = definitions.getByRole('row').filter({ hasText: 'maintenance.cleanup' });
    await visible(cleanup);
    await cleanup.getByRole('button', { name: 'Avvia ora: Pulizia periodica' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Job «Pulizia periodica» messo in coda.' }));

    // The run appears in the history with its progress bar while it waits or works, then completes.
    const runs = page.getByRole('table', { name: 'Esecuzioni dei job, dalla più recente' });
    const run = runs.getByRole('row').filter({ hasText: 'maintenance.cleanup' }).first();
    await visible(run, 60_000);
    const bar = run.getByRole('progressbar', { name: 'Avanzamento di Pulizia periodica' });
    const done = run.getByText('Completato', { exact: true });
    await visible(bar, 30_000);
    await visible(done, 90_000);
    await visible(run.getByText(/^(\d+) di \1$/));
    await expectAccessible(page, '/sistema/job');
  });
});
