// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ProposalView } from '@siso/shared';
import { renderWithProviders } from '../../test/render';
import { i18n } from '../../i18n/i18n';
import { ProposalsPage } from './ProposalsPage';

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const calls = (action: string) => fetchMock.mock.calls.filter(([u]) => String(u) === `/api/${action}`).map(([, init]) => JSON.parse(String(init?.body)));

const proposal: ProposalView = {
  id: '00000000-0000-4000-8000-0000000000e1', intakeId: '00000000-0000-4000-8000-0000000000c1', intakeNumber: '2026/000012', accessDate: '2026-11-27',
  person: null, sourceEnteName: 'Comune A', sourceOfficeName: 'Sportello A', destEnteId: '00000000-0000-4000-8000-0000000000b1', destEnteName: 'Comune A',
  socialCategory: 'anziani', status: 'proposed', createdAt: '2026-11-27T09:00:00.000Z', seenAt: null, seenByName: null, decidedAt: null, decidedByName: null,
  note: null, version: 1, abilities: ['proposals.markSeen', 'proposals.reject'],
};
const seen: ProposalView = { ...proposal, status: 'seen', seenAt: '2026-11-28T09:00:00.000Z', seenByName: 'Anna Sociale', version: 2 };

beforeEach(async () => {
  await i18n.changeLanguage('it');
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockImplementation(async (url) => {
    const name = String(url).replace('/api/', '');
    if (name === 'proposals.find') return json({ items: [proposal], nextCursor: null });
    if (name === 'proposals.markSeen') return json(seen);
    if (name === 'proposals.reject') return json({ ...seen, status: 'rejected', note: 'Non di competenza', version: 3 });
    return json({}, 404);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProposalsPage', () => {
  it('marks a new proposal seen once when opened, explains acceptance and rejects with a note', async () => {
    renderWithProviders(<ProposalsPage />);
    const open = await screen.findByRole('button', { name: 'Apri la proposta 2026/000012' });
    fireEvent.click(open);
    const detail = screen.getByRole('region', { name: /Proposta per la scheda 2026\/000012/ });
    await waitFor(() => expect(within(detail).getByText(/Vista il .* da Anna Sociale/)).toBeTruthy());
    expect(calls('proposals.markSeen')).toEqual([{ id: proposal.id, version: 1 }]);
    expect(within(detail).getByText(/si farà dalla cartella sociale/)).toBeTruthy();
    expect(within(detail).queryByRole('button', { name: /Accett/ })).toBeNull();
    expect(within(detail).getByRole('link', { name: 'Apri la scheda 2026/000012' }).getAttribute('href')).toBe(`/sportello/schede/${proposal.intakeId}`);

    fireEvent.change(within(detail).getByLabelText(/Nota per lo sportello/), { target: { value: 'no' } });
    fireEvent.click(within(detail).getByRole('button', { name: 'Respingi la proposta' }));
    expect(within(detail).getByText('Scrivi una nota di almeno 5 caratteri.')).toBeTruthy();
    expect(calls('proposals.reject')).toEqual([]);
    fireEvent.change(within(detail).getByLabelText(/Nota per lo sportello/), { target: { value: 'Non di competenza' } });
    fireEvent.click(within(detail).getByRole('button', { name: 'Respingi la proposta' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Proposta respinta.'));
    expect(calls('proposals.reject')).toEqual([{ id: proposal.id, version: 2, note: 'Non di competenza' }]);
    expect(calls('proposals.markSeen')).toHaveLength(1);
  });

  it('filters by state', async () => {
    renderWithProviders(<ProposalsPage />);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Stato'), { target: { value: 'rejected' } });
    await waitFor(() => expect(calls('proposals.find').at(-1)).toEqual({ limit: 50, status: 'rejected' }));
  });
});
