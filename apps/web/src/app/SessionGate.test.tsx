// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider, notifyManager } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { act, cleanup, render, screen } from '@testing-library/react';
import { i18n } from '../i18n/i18n';
import { sessionKey } from '../lib/query';
import { HomePage } from '../routes/HomePage';
import { SessionGate } from './SessionGate';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ctx = {
  assignmentId: id(50), regioneId: id(51), ambitoId: id(2), ambitoName: 'Alto Tevere', enteId: id(3), enteName: 'Comune di Città di Castello',
  officeId: id(4), officeName: 'Segretariato', officeType: 'sportello_accoglienza' as const, professionalType: 'operatore_sportello' as const,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SessionGate', () => {
  it('shows the login page, not an error, when logout navigates to the desk as the session is dropped', async () => {
    // The login page asks for the OIDC providers; nobody else should call the server here.
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items: [] }), { status: 200 })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(sessionKey, { status: 'ok', totpEnabled: false, operator: { id: id(9), username: 'sportello', displayName: 'Silvia' }, context: ctx, contexts: [ctx], permissions: [], csrfToken: 'x' });
    const router = createMemoryRouter(
      [{ element: <SessionGate />, children: [{ index: true, element: <HomePage /> }, { path: 'altro', element: <p>Un'altra pagina</p> }] }],
      { initialEntries: ['/altro'] },
    );
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText("Un'altra pagina")).toBeTruthy();
    // What the operator's menu does on "Esci": go to the desk, then forget the session.
    // Query observers hear of the change a moment later than the cache holds it; a page mounted by the
    // navigation in between reads the cache directly. Delaying the notifications makes that order certain.
    notifyManager.setScheduler((cb) => setTimeout(cb, 50));
    try {
      act(() => {
        client.setQueryData(sessionKey, null);
        void router.navigate('/');
      });
      expect(await screen.findByRole('heading', { level: 1, name: 'Accesso a SISO' })).toBeTruthy();
    } finally {
      notifyManager.setScheduler((cb) => setTimeout(cb, 0));
    }
    expect(errors.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('session gate'))).toEqual([]);
    errors.mockRestore();
  });
});
