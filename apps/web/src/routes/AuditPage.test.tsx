// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { BreakGlassItem, GrantListItem } from '@siso/shared';
import { i18n } from '../i18n/i18n';
import { sessionKey } from '../lib/query';
import { AuditPage } from './AuditPage';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const share: GrantListItem = {
  id: id(100), recordKind: 'intakeRecord', recordId: id(1), subjectKind: 'ente', subjectId: id(200), purpose: 'Progetto condiviso con il comune vicino',
  validFrom: '2026-03-01', validTo: null, hideInfoFrom: null, canWrite: false, grantedBy: id(9), createdAt: '2026-03-01T09:00:00.000Z', revokedAt: null,
  abilities: [], status: 'active', subjectName: 'Comune di Umbertide', subjectDetail: null, grantedByName: 'Roberto Settore', hideInfoFromName: null,
};
const glass = (n: number, open: boolean): BreakGlassItem => ({
  id: id(700 + n), recordKind: 'person', recordId: id(2), classes: ['special'], reason: 'Ricovero urgente: serve il medico curante subito.',
  openedAt: `2026-03-0${n}T08:00:00.000Z`, expiresAt: `2026-03-0${n}T09:00:00.000Z`, open, operatorName: 'Anna Sociale', officeName: 'Servizio Sociale Professionale',
  enteName: 'Comune di Città di Castello',
});

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
const calls = (action: string) => fetchMock.mock.calls.filter(([u]) => String(u) === `/api/${action}`).map((c) => JSON.parse(String(c[1]?.body)) as Record<string, unknown>);

beforeEach(async () => {
  await i18n.changeLanguage('it');
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url) => {
    const name = String(url).replace('/api/', '');
    if (name === 'audit.find') return json({ items: [], nextCursor: null });
    if (name === 'grants.find') return json({ items: [share], nextCursor: null });
    if (name === 'breakGlass.find') return json({ items: [glass(2, true), glass(1, false)], nextCursor: null, openable: ['special', 'judicial', 'reserved'] });
    throw new Error(`unexpected ${name}`);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(permissions: string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(sessionKey, { status: 'ok', totpEnabled: false, operator: { id: id(9), username: 'dpo', displayName: 'Daniela' }, context: null, contexts: [], permissions, csrfToken: 'x' });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <AuditPage />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe("the DPO's page", () => {
  it('lists emergency accesses open and past, with who, why and until when', async () => {
    renderPage(['audit.find', 'grants.find', 'breakGlass.find']);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Registro', "Accessi d'emergenza", 'Condivisioni', 'Integrità']);
    fireEvent.click(screen.getByRole('tab', { name: "Accessi d'emergenza" }));
    const table = await screen.findByRole('table', { name: "Accessi d'emergenza (break-the-glass), dal più recente" });
    const [, openRow, closedRow] = within(table).getAllByRole('row');
    expect(openRow!.textContent).toContain('Aperto');
    expect(openRow!.textContent).toContain('fino al 02/03/2026, 10:00:00');
    expect(openRow!.textContent).toContain('Dati sanitari e sulla disabilità (art. 9 GDPR)');
    expect(openRow!.textContent).toContain('Ricovero urgente: serve il medico curante subito.');
    expect(closedRow!.textContent).toContain('chiuso il 01/03/2026, 10:00:00');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Solo quelli ancora aperti' }));
    await waitFor(() => expect(calls('breakGlass.find').at(-1)).toMatchObject({ open: true }));
  });

  it("lists every share of the ambito and leads to a record's trail in the log", async () => {
    const { container } = renderPage(['audit.find', 'grants.find', 'breakGlass.find']);
    fireEvent.click(screen.getByRole('tab', { name: 'Condivisioni' }));
    const table = await screen.findByRole('table', { name: "Condivisioni dell'ambito, dalla più recente" });
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('Scheda di accesso');
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('Comune di Umbertide');
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('dal 01/03/2026');
    expect(container.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    fireEvent.click(within(table).getByRole('button', { name: /^Vedi nel registro/ }));
    expect(screen.getByRole('tab', { name: 'Registro' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(calls('audit.find').at(-1)).toMatchObject({ recordKind: 'intakeRecord', recordId: id(1) }));
  });

  it('shows only the tabs the permissions allow', () => {
    renderPage(['audit.find']);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Registro', 'Integrità']);
  });
});
