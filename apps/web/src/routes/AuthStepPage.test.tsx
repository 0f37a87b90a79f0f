// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { SessionView } from '@siso/shared';
import { sessionKey } from '../lib/query';
import { renderWithProviders } from '../test/render';
import { AuthStepPage } from './AuthStepPage';

const operator = { id: '00000000-0000-4000-8000-000000000009', username: 'assistente', displayName: 'Anna Rossi' };
const pending = (status: SessionView['status'], totpEnabled: boolean): SessionView => ({
  status,
  totpEnabled,
  operator,
  context: null,
  contexts: [],
  permissions: [],
  csrfToken: 'a',
});
const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AuthStepPage', () => {
  it('asks for the TOTP code, checks its format before sending, and stores the new session', async () => {
    const { client } = renderWithProviders(<AuthStepPage session={pending('totp_required', true)} />);
    expect(screen.getByRole('heading', { name: 'Verifica in due passaggi' })).toBeTruthy();
    const field = screen.getByLabelText(/Codice di verifica/);
    fireEvent.change(field, { target: { value: '12a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verifica' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);

    fetchMock.mockResolvedValueOnce(json({ ...pending('ok', true), csrfToken: 'b' }));
    fireEvent.change(field, { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verifica' }));
    await waitFor(() => expect(client.getQueryData(sessionKey)).toMatchObject({ status: 'ok' }));
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/auth.verifyTotp');
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({ code: '123456' });
  });

  it('shows the server’s refusal of a code beside the field and in an alert', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ code: 'invalid_input', message: 'Dati non validi', details: [{ path: 'code', message: 'Codice non valido o già usato' }], requestId: 'r' }, 400),
    );
    renderWithProviders(<AuthStepPage session={pending('totp_required', true)} />);
    fireEvent.change(screen.getByLabelText(/Codice di verifica/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verifica' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Dati non validi');
    expect(screen.getByLabelText(/Codice di verifica/).getAttribute('aria-invalid')).toBe('true');
  });

  it('offers enrolment when a profile requires TOTP and none is set up', () => {
    renderWithProviders(<AuthStepPage session={pending('totp_required', false)} />);
    expect(screen.getByRole('heading', { name: 'Attivazione della verifica in due passaggi' })).toBeTruthy();
    expect(screen.getByRole('button', { name: "Configura l'app di autenticazione" })).toBeTruthy();
  });

  it('asks for a new password when the change is forced, refusing two different entries', () => {
    renderWithProviders(<AuthStepPage session={pending('password_change_required', false)} />);
    fireEvent.change(screen.getByLabelText(/Password attuale/), { target: { value: 'demo-siso-2026' } });
    fireEvent.change(screen.getByLabelText(/^Nuova password/), { target: { value: 'Tramonto-sul-Trasimeno-7' } });
    fireEvent.change(screen.getByLabelText(/Conferma nuova password/), { target: { value: 'altro' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cambia password' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Conferma nuova password/).getAttribute('aria-invalid')).toBe('true');
  });
});
