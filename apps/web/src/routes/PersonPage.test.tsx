// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { PersonView } from '@siso/shared';
import { i18n } from '../i18n/i18n';
import { sessionKey } from '../lib/query';
import { PersonPage } from './PersonPage';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const person: PersonView = {
  id: id(1), ambitoId: id(2), enteId: id(3), enteName: 'Comune di Città di Castello', officeId: id(4), anonymous: false, anonymousCode: null,
  fiscalCode: { masked: true }, fiscalCodeKind: 'definitive', surname: 'ROSSI', name: 'MARIA', sex: 'F', birthDate: '1980-01-01',
  birthComuneIstat: '058091', birthStateCode: null, birthPlaceName: 'Roma', citizenships: [], civilStatus: null, contacts: [],
  addresses: { masked: true }, homeless: false, receptionFacility: null, gp: { masked: true }, healthCardNumber: { masked: true }, stpEniCode: null,
  dateOfDeath: null, notes: null, aliases: [], anprId: null, registrySync: false, registryCheckedAt: null, deceased: false, protected: true,
  protectionReason: { masked: true }, mergedInto: null, createdAt: '2026-01-01T10:00:00Z', updatedAt: '2026-01-01T10:00:00Z', version: 4, abilities: [],
};

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
let personAnswer: PersonView = person;
let updateAnswer: () => Response = () => json(personAnswer);

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (url) => {
    const name = String(url).replace('/api/', '');
    if (name === 'persons.get') return json(personAnswer);
    if (name === 'persons.update') return updateAnswer();
    if (name === 'households.get') return json({ personId: id(1), groups: { masked: true }, memberOf: { masked: true } });
    if (name === 'reference.states' || name === 'reference.codeList' || name === 'reference.comuni') return json({ items: [] });
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
  client.setQueryData(sessionKey, { status: 'ok', totpEnabled: false, operator: { id: id(9), username: 'sportello', displayName: 'Sara' }, context: ctx, contexts: [ctx], permissions, csrfToken: 'x' });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[`/persone/${id(1)}`]}>
          <Routes>
            <Route path="/persone/:id" element={<PersonPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('PersonPage', () => {
  it('shows masked values as “Riservato” and hidden addresses as reserved; no controls without abilities', async () => {
    personAnswer = person;
    renderPage(['persons.get', 'households.get', 'persons.history']);
    expect(await screen.findByRole('heading', { level: 1, name: 'ROSSI MARIA' })).toBeTruthy();
    expect(screen.getByText('Protetta')).toBeTruthy();
    expect(screen.getAllByText('Riservato').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByText('Informazioni riservate.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Modifica dati' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sostituisci codice fiscale' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Confronta con anagrafe' })).toBeNull();
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('shows each control only with its ability or permission', async () => {
    personAnswer = { ...person, fiscalCode: 'RSSMRA80A41H501Y', addresses: [], abilities: ['persons.get', 'persons.history', 'persons.update', 'persons.replaceFiscalCode', 'persons.loadFromRegistry', 'households.get'] };
    renderPage(['persons.get']);
    await screen.findByRole('heading', { level: 1, name: 'ROSSI MARIA' });
    expect(screen.getByRole('button', { name: 'Modifica dati' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sostituisci codice fiscale' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Confronta con anagrafe' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Identifica' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Nuova residenza' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Dati anagrafici', 'Nucleo e rete', 'Storia']);
    fireEvent.click(screen.getByRole('tab', { name: 'Nucleo e rete' }));
    expect(await screen.findByText('Informazioni riservate.')).toBeTruthy();
  });

  it('keeps what was typed and says so when someone else saved first (409)', async () => {
    personAnswer = { ...person, abilities: ['persons.update'] };
    updateAnswer = () => json({ code: 'conflict', message: 'Versione non aggiornata', details: [] }, 409);
    renderPage(['persons.get']);
    fireEvent.click(await screen.findByRole('button', { name: 'Modifica dati' }));
    const panel = screen.getByRole('region', { name: 'Modifica dati anagrafici' });
    fireEvent.change(within(panel).getByLabelText(/^Nome/), { target: { value: 'MARIA GRAZIA' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Salva' }));
    expect(await within(panel).findByText(/modificata da un altro operatore/)).toBeTruthy();
    expect((within(panel).getByLabelText(/^Nome/) as HTMLInputElement).value).toBe('MARIA GRAZIA');
    const body = JSON.parse(String(fetchMock.mock.calls.find((c) => String(c[0]).endsWith('persons.update'))?.[1]?.body)) as unknown;
    expect(body).toEqual({ id: id(1), version: 4, name: 'MARIA GRAZIA' });
  });
});
