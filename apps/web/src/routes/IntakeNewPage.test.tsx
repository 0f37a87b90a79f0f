// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { i18n } from '../i18n/i18n';
import { sessionKey } from '../lib/query';
import { IntakeNewPage } from './IntakeNewPage';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
/** The current desk's contact points, as desks.home answers them. */
let contactPoints: Array<{ id: string; name: string }> = [];
const deskHome = () => ({
  desk: {
    kind: 'general', thematicCode: null, mandatorySections: ['access'], excludedProfiles: [], readableClasses: null, proposalTarget: 'ente', privacyPerDesk: false,
    emailSubject: null, emailBody: null, accessPoints: [], officeId: id(4), officeName: 'Segretariato', officeType: 'sportello_accoglienza', officeEmail: null,
    enteId: id(3), enteName: 'Comune di Città di Castello', ambitoId: id(2), ambitoName: 'Alto Tevere', contactPoints, configured: true, version: 1, abilities: [],
  },
  today: [], incomplete: [], received: [], proposals: [],
  counters: { officeId: id(4), from: '2026-11-01', to: '2026-11-30', complete: 0, incomplete: 0, sent: 0, received: 0, refused: 0, proposals: 0 },
});

beforeEach(() => {
  contactPoints = [];
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url) => {
    const name = String(url).replace('/api/', '');
    // Creation is refused here: what matters is what the page sends; the created scheda is IntakeRecordPage's test.
    if (name === 'persons.find') return json({ items: [], nextCursor: null, searchToken: 'token-0123456789' });
    if (name === 'reference.states' || name === 'reference.codeList') return json({ items: [] });
    if (name === 'serviceCatalogue.find') return json({ items: [] });
    if (name === 'desks.home') return json(deskHome());
    if (name === 'persons.create' || name === 'intakeRecords.create') return json({ code: 'forbidden', message: 'Operazione non consentita', details: [] }, 403);
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
  const ctx = {
    assignmentId: id(50), regioneId: id(51), ambitoId: id(2), ambitoName: 'Alto Tevere', enteId: id(3), enteName: 'Comune di Città di Castello',
    officeId: id(4), officeName: 'Segretariato', officeType: 'sportello_accoglienza' as const, professionalType: 'operatore_sportello' as const,
  };
  client.setQueryData(sessionKey, { status: 'ok', totpEnabled: false, operator: { id: id(9), username: 'sportello', displayName: 'Silvia' }, context: ctx, contexts: [ctx], permissions, csrfToken: 'x' });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={['/sportello/schede/nuova']}>
          <Routes>
            <Route path="/sportello/schede/nuova" element={<IntakeNewPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

const bodyOf = (name: string) => JSON.parse(String(fetchMock.mock.calls.find((c) => String(c[0]).endsWith(name))?.[1]?.body)) as Record<string, unknown>;

describe('IntakeNewPage', () => {
  it('creates the scheda with only the section saved (today as access date)', async () => {
    renderPage(['intakeRecords.create', 'persons.find', 'persons.create']);
    const access = screen.getByRole('region', { name: 'Accesso' });
    fireEvent.change(within(access).getByLabelText('Modalità di accesso'), { target: { value: 'in_person' } });
    fireEvent.click(within(access).getByRole('button', { name: /Salva sezione/ }));
    await within(access).findByRole('alert');
    const body = bodyOf('intakeRecords.create');
    expect(Object.keys(body)).toEqual(['access']);
    expect(body.access).toMatchObject({ mode: 'in_person', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown });
  });

  it("offers the current desk's contact points in Accesso and sends the one chosen", async () => {
    contactPoints = [{ id: id(60), name: 'Sede di Trestina' }, { id: id(61), name: 'Sede centrale' }];
    renderPage(['intakeRecords.create', 'persons.find', 'persons.create']);
    const access = screen.getByRole('region', { name: 'Accesso' });
    const select = await within(access).findByLabelText('Punto di contatto');
    await within(access).findByRole('option', { name: 'Sede di Trestina' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['—', 'Sede di Trestina', 'Sede centrale']);
    fireEvent.change(select, { target: { value: id(60) } });
    fireEvent.click(within(access).getByRole('button', { name: /Salva sezione/ }));
    await within(access).findByRole('alert');
    expect(bodyOf('intakeRecords.create').access).toMatchObject({ contactPointId: id(60) });
  });

  it('hides the contact point when the desk has none, and does not send it', async () => {
    renderPage(['intakeRecords.create', 'persons.find', 'persons.create']);
    const access = screen.getByRole('region', { name: 'Accesso' });
    await vi.waitFor(() => expect(fetchMock.mock.calls.some((c) => String(c[0]).endsWith('desks.home'))).toBe(true));
    fireEvent.click(within(access).getByRole('button', { name: /Salva sezione/ }));
    await within(access).findByRole('alert');
    expect(within(access).queryByLabelText('Punto di contatto')).toBeNull();
    expect(bodyOf('intakeRecords.create').access).not.toHaveProperty('contactPointId');
  });

  it('records an anonymous user after a search: persons.create with the search token, identity anonymous', async () => {
    renderPage(['intakeRecords.create', 'persons.find', 'persons.create']);
    const user = screen.getByRole('region', { name: 'Utente' });
    fireEvent.change(within(user).getByLabelText(/Codice fiscale oppure/), { target: { value: 'sconosciuto' } });
    fireEvent.click(within(user).getByRole('button', { name: 'Cerca' }));
    fireEvent.click(await within(user).findByRole('button', { name: 'Utente anonimo' }));
    await within(user).findByRole('alert');
    expect(bodyOf('persons.create')).toEqual({ searchToken: 'token-0123456789', identity: 'anonymous' });
    expect(within(user).getByRole('link', { name: 'Nuova persona' }).getAttribute('href')).toBe('/persone/nuova');
  });

  it('draws the sections read-only, without save buttons, without the permission to create', () => {
    renderPage(['persons.find']);
    expect(screen.queryByRole('button', { name: /Salva sezione/ })).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Sezioni della scheda' })).toBeTruthy();
  });
});
