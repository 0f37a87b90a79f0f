// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { BreakGlassItem } from '@siso/shared';
import { i18n } from '../../../i18n/i18n';
import { sessionKey } from '../../../lib/query';
import { ReservedField } from '../../persons/components/form/fields';
import { BreakGlassScope } from './BreakGlassScope';
import { ReservedText } from './ReservedText';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const recordId = id(1);
const expiresAt = '2026-03-02T14:30:00.000Z';
const opened: BreakGlassItem = {
  id: id(700), recordKind: 'intakeRecord', recordId, classes: ['reserved'], reason: 'Rischio per la persona: serve la nota dello sportello.',
  openedAt: '2026-03-02T14:00:00.000Z', expiresAt, open: true, operatorName: 'Anna Sociale', officeName: 'Servizio Sociale Professionale', enteName: 'Comune di Città di Castello',
};

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
const calls = (action: string) => fetchMock.mock.calls.filter(([u]) => String(u) === `/api/${action}`).map((c) => JSON.parse(String(c[1]?.body)) as Record<string, unknown>);
let open: BreakGlassItem[] = [];
let openable: string[] = ['reserved'];

beforeEach(async () => {
  await i18n.changeLanguage('it');
  open = [];
  openable = ['reserved'];
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url) => {
    const name = String(url).replace('/api/', '');
    if (name === 'breakGlass.find') return json({ items: open, nextCursor: null, openable });
    if (name === 'breakGlass.open') {
      open = [opened];
      return json({ id: opened.id, expiresAt, classes: ['reserved'] });
    }
    if (name === 'intakeRecords.get') return json({}, 404);
    throw new Error(`unexpected ${name}`);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderScope(permissions: string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(sessionKey, { status: 'ok', totpEnabled: false, operator: { id: id(9), username: 'assistente', displayName: 'Anna' }, context: null, contexts: [], permissions, csrfToken: 'x' });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <BreakGlassScope recordKind="intakeRecord" recordId={recordId}>
          <ReservedField label="Note sanitarie" text="Riservato" />
          <p>
            <ReservedText text="Nota privata (riservata)" field="nota privata di Silvia Accoglienza" />
          </p>
        </BreakGlassScope>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('break-the-glass on a record page', () => {
  it('offers nothing without the permission, nor when every class is readable already', async () => {
    renderScope(['intakeRecords.get']);
    expect(screen.getAllByText(/Riservato|Nota privata/)).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /Accesso di emergenza/ })).toBeNull();
    expect(calls('breakGlass.find')).toEqual([]);
    cleanup();
    openable = [];
    renderScope(['breakGlass.open', 'breakGlass.find']);
    await waitFor(() => expect(calls('breakGlass.find')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: /Accesso di emergenza/ })).toBeNull();
  });

  it('a masked field opens the reason dialog; short reasons and durations out of 5–240 are refused here', async () => {
    renderScope(['breakGlass.open', 'breakGlass.find']);
    const offers = await screen.findAllByRole('button', { name: /^Accesso di emergenza/ });
    expect(offers.map((b) => b.textContent)).toEqual(['Accesso di emergenza — Note sanitarie', 'Accesso di emergenza — nota privata di Silvia Accoglienza']);
    offers[1]!.focus();
    fireEvent.click(offers[1]!);
    const dialog = screen.getByRole('dialog', { name: 'Accesso di emergenza' });
    // The one class still closed to the operator is chosen already.
    expect((within(dialog).getByRole('checkbox', { name: 'Note e dati riservati' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/^Motivazione/), { target: { value: 'Urgenza' } });
    fireEvent.change(within(dialog).getByLabelText(/^Durata in minuti/), { target: { value: '300' } });
    fireEvent.click(within(dialog).getByRole('button', { name: "Apri l'accesso di emergenza" }));
    expect(within(dialog).getByText('Scrivere una motivazione di almeno 20 caratteri.')).toBeTruthy();
    expect(within(dialog).getByText('Indicare una durata da 5 a 240 minuti.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByLabelText(/^Motivazione/));
    expect(calls('breakGlass.open')).toEqual([]);
    // Escape closes it and gives the focus back to the field's button.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(offers[1]);
  });

  it('opens for the minutes asked, then shows the access as open with its expiry', async () => {
    renderScope(['breakGlass.open', 'breakGlass.find']);
    fireEvent.click((await screen.findAllByRole('button', { name: /^Accesso di emergenza/ }))[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Accesso di emergenza' });
    fireEvent.change(within(dialog).getByLabelText(/^Motivazione/), { target: { value: '  Rischio per la persona: serve la nota dello sportello.  ' } });
    fireEvent.change(within(dialog).getByLabelText(/^Durata in minuti/), { target: { value: '30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: "Apri l'accesso di emergenza" }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls('breakGlass.open')).toEqual([{ recordKind: 'intakeRecord', recordId, classes: ['reserved'], reason: 'Rischio per la persona: serve la nota dello sportello.', minutes: 30 }]);
    const notice = await screen.findByText('Accesso di emergenza aperto fino al 02/03/2026, 15:30:00.');
    expect(notice.closest('[role="status"]')).toBe(document.activeElement);
    expect(screen.getByText('Dati aperti: Note e dati riservati. Ogni lettura resta nel registro.')).toBeTruthy();
  });
});
