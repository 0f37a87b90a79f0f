// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { TransferView } from '@siso/shared';
import { i18n } from '../../../i18n/i18n';
import { ReceivedIntakePage } from './ReceivedIntakePage';

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const transfer: TransferView = {
  id: '00000000-0000-4000-8000-0000000000d1', sourceIntakeId: '00000000-0000-4000-8000-0000000000c1', sourceAmbitoName: 'Zona 1', sourceEnteName: 'Comune A', sourceOfficeName: 'Sportello A',
  destAmbitoName: 'Zona 1', destEnteName: 'Comune B', destOfficeId: '00000000-0000-4000-8000-0000000000a2', destOfficeName: 'Sportello B', sentAt: '2026-11-28T10:00:00.000Z', sentByName: 'Silvia Accoglienza',
  message: 'Per competenza', status: 'sent',
  snapshot: { number: '2026/000009', accessDate: '2026-11-28', accessMode: 'in_person', accessReason: 'spontaneous', interlocutorType: 'user', description: { masked: true }, operatorName: 'Silvia', operatorEmail: null, officePhone: null, userSurname: 'Rossi', userName: 'Maria', userFiscalCode: { masked: true }, userBirthDate: null, outcome: null, needs: [], requestedServices: [] },
  receivedIntakeId: null, refusalReason: null, decidedAt: null, decidedByName: null, version: 1, abilities: ['intakeRecords.receive', 'intakeRecords.refuse'],
};

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>
  );
  return render(
    <Routes>
      <Route path="/sportello/ricevute/:transferId" element={<ReceivedIntakePage />} />
    </Routes>,
    { wrapper },
  );
}

let receiveAnswer: () => Response;
beforeEach(async () => {
  await i18n.changeLanguage('it');
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  receiveAnswer = () => json({ code: 'conflict', message: 'Conflitto', details: [] }, 409);
  fetchMock.mockImplementation(async (url) => {
    const name = String(url).replace('/api/', '');
    if (name === 'intakeTransfers.find') return json({ items: [transfer], nextCursor: null });
    if (name === 'intakeRecords.receive') return receiveAnswer();
    return json({}, 404);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ReceivedIntakePage', () => {
  it('shows the snapshot with masked fields as Riservato', async () => {
    renderAt(`/sportello/ricevute/${transfer.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Scheda ricevuta 2026/000009' })).toBeTruthy();
    expect(screen.getByText('Per competenza')).toBeTruthy();
    expect(screen.getAllByText('Riservato')).toHaveLength(2);
    expect(screen.getByText('Rossi')).toBeTruthy();
  });

  it('says clearly when the scheda was already accepted or refused (409)', async () => {
    renderAt(`/sportello/ricevute/${transfer.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Accetta' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/già stata accettata o rifiutata/));
  });

  it('says so when the transfer is not in this desk’s inbox', async () => {
    renderAt('/sportello/ricevute/00000000-0000-4000-8000-0000000000ff');
    expect((await screen.findByRole('alert')).textContent).toMatch(/non c'è nella casella/);
  });
});
