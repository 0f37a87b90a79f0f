// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PrivacyView } from '@siso/shared';
import { renderWithProviders } from '../../test/render';
import { i18n } from '../../i18n/i18n';
import { PrivacyPanel } from './PrivacyPanel';

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const sent = (action: string) => {
  const call = fetchMock.mock.calls.findLast(([u]) => String(u) === `/api/${action}`);
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
};

const personId = '00000000-0000-4000-8000-0000000000p1'.replace('p', 'a');
const consentId = '00000000-0000-4000-8000-0000000000c1';
const view = (over: Partial<PrivacyView> = {}): PrivacyView => ({
  personId,
  status: 'not_signed',
  notices: [],
  consents: [],
  consentTypes: [{ code: 'newsletter', label: 'Comunicazioni informative', description: null }],
  abilities: ['consents.record', 'consents.print'],
  ...over,
});
const signed = view({
  status: 'signed',
  notices: [{ id: '00000000-0000-4000-8000-0000000000n1'.replace('n', 'b'), enteName: 'Comune A', deskOfficeName: null, givenOn: '2026-11-20', mode: 'in_person', signerKind: 'self', representative: null, document: null, recordedByName: 'Silvia', createdAt: '2026-11-20T10:00:00.000Z' }],
  consents: [{ id: consentId, type: 'newsletter', typeLabel: 'Comunicazioni informative', given: true, givenOn: '2026-11-20', signerKind: 'self', representative: null, recordedByName: 'Silvia', createdAt: '2026-11-20T10:00:00.000Z', withdrawnAt: null, withdrawnByName: null, withdrawReason: null, abilities: ['consents.withdraw'] }],
});

beforeEach(async () => {
  await i18n.changeLanguage('it');
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PrivacyPanel', () => {
  it('records the notice and an optional consent', async () => {
    fetchMock.mockImplementation(async (url) => (String(url) === '/api/consents.record' ? json(signed) : json(view())));
    renderWithProviders(<PrivacyPanel personId={personId} />);
    expect(await screen.findByText("Informativa non consegnata per quest'ente.")).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Registra informativa' }));
    const form = screen.getByRole('form', { name: 'Registra informativa e consensi' });
    fireEvent.change(within(form).getByLabelText('Data *'), { target: { value: '2026-11-20' } });
    const consent = within(form).getByRole('group', { name: 'Comunicazioni informative' });
    fireEvent.click(within(consent).getByLabelText('Sì'));
    fireEvent.click(within(form).getByRole('button', { name: 'Registra' }));
    await waitFor(() => expect(sent('consents.record')).toBeDefined());
    expect(sent('consents.record')).toEqual({
      personId,
      notice: { signerKind: 'self', representative: null, givenOn: '2026-11-20', mode: 'in_person' },
      consents: [{ signerKind: 'self', representative: null, type: 'newsletter', given: true, givenOn: '2026-11-20' }],
    });
    expect(await screen.findByText('Informativa e consensi registrati.')).toBeTruthy();
  });

  it('records the notice of an anonymous person and points to the person page to complete the identity', async () => {
    fetchMock.mockImplementation(async (url) => (String(url) === '/api/consents.record' ? json(signed) : json(view({ status: 'anonymous' }))));
    renderWithProviders(<PrivacyPanel personId={personId} />);
    expect(await screen.findByText(/^Utente anonimo: informativa non ancora consegnata\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Registra informativa' }));
    const form = screen.getByRole('form', { name: 'Registra informativa e consensi' });
    fireEvent.change(within(form).getByLabelText('Data *'), { target: { value: '2026-11-20' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registra' }));
    const status = (await screen.findByText('Informativa e consensi registrati.')).closest('[role="status"]') as HTMLElement;
    expect(within(status).getByText(/completare l'identità della persona/)).toBeTruthy();
    expect(within(status).getByRole('link', { name: 'Vai alla scheda della persona' }).getAttribute('href')).toBe(`/persone/${personId}`);
  });

  it('gives no identity hint after recording the notice of an identified person', async () => {
    fetchMock.mockImplementation(async (url) => (String(url) === '/api/consents.record' ? json(signed) : json(view())));
    renderWithProviders(<PrivacyPanel personId={personId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Registra informativa' }));
    const form = screen.getByRole('form', { name: 'Registra informativa e consensi' });
    fireEvent.change(within(form).getByLabelText('Data *'), { target: { value: '2026-11-20' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registra' }));
    await screen.findByText('Informativa e consensi registrati.');
    expect(screen.queryByRole('link', { name: 'Vai alla scheda della persona' })).toBeNull();
  });

  it('asks for the representative when someone else signs', async () => {
    fetchMock.mockImplementation(async () => json(view()));
    renderWithProviders(<PrivacyPanel personId={personId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Registra informativa' }));
    fireEvent.change(screen.getByLabelText('Firmatario'), { target: { value: 'tutore' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registra' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual(['Campo obbligatorio.', 'Campo obbligatorio.']);
    expect(sent('consents.record')).toBeUndefined();
  });

  it('shows the date of the notice and withdraws a consent with a reason', async () => {
    fetchMock.mockImplementation(async (url) => (String(url) === '/api/consents.withdraw' ? json(view({ ...signed, consents: [{ ...signed.consents[0]!, withdrawnAt: '2026-11-28T10:00:00.000Z', withdrawnByName: 'Silvia', withdrawReason: 'Su richiesta' }] })) : json(signed)));
    renderWithProviders(<PrivacyPanel personId={personId} />);
    expect(await screen.findByText('Informativa consegnata il 20/11/2026.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Revoca\s*Comunicazioni informative$/ }));
    fireEvent.change(screen.getByLabelText(/Motivo della revoca/), { target: { value: 'Su richiesta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Revoca il consenso' }));
    await waitFor(() => expect(sent('consents.withdraw')).toEqual({ consentId, reason: 'Su richiesta' }));
    expect(await screen.findByText('Consenso «Comunicazioni informative» revocato.')).toBeTruthy();
  });

  it('offers no controls without the abilities', async () => {
    fetchMock.mockImplementation(async () => json({ ...signed, abilities: [], consents: [{ ...signed.consents[0]!, abilities: [] }] }));
    renderWithProviders(<PrivacyPanel personId={personId} />);
    await screen.findByText('Informativa consegnata il 20/11/2026.');
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});
