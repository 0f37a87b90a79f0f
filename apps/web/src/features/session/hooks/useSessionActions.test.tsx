// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { sessionKey } from '../../../lib/query';
import { useLogin } from './useSessionActions';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ctx = (n: number) => ({
  assignmentId: id(100 + n),
  regioneId: id(1),
  ambitoId: id(2),
  ambitoName: 'Ambito 1',
  enteId: id(200 + n),
  enteName: `Ente ${n}`,
  officeId: id(300 + n),
  officeName: `Ufficio ${n}`,
  officeType: 'servizio_sociale_professionale' as const,
  professionalType: 'assistente_sociale' as const,
});
const operator = { id: id(9), username: 'assistente', displayName: 'Anna Rossi' };

const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

function setup() {
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, ...renderHook(() => useLogin(), { wrapper }) };
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('useLogin', () => {
  it('selects the only context at once', async () => {
    const only = ctx(1);
    fetchMock.mockResolvedValueOnce(
      json({ status: 'ok', operator, context: null, contexts: [only], permissions: [], csrfToken: 'a' }),
    );
    fetchMock.mockResolvedValueOnce(
      json({ operator, context: only, contexts: [only], permissions: ['system.get'], csrfToken: 'b' }),
    );
    const { result, client } = setup();
    await act(() => result.current.mutateAsync({ username: 'assistente', password: 'x' }));
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/auth.login', '/api/auth.selectContext']);
    expect(JSON.parse(String(fetchMock.mock.calls[1]?.[1]?.body))).toEqual({ enteId: only.enteId, officeId: only.officeId });
    expect(client.getQueryData(sessionKey)).toMatchObject({ context: only, permissions: ['system.get'] });
  });

  it('leaves the choice to the operator when there are several contexts', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ status: 'ok', operator, context: null, contexts: [ctx(1), ctx(2)], permissions: [], csrfToken: 'a' }),
    );
    const { result, client } = setup();
    await act(() => result.current.mutateAsync({ username: 'assistente', password: 'x' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(client.getQueryData(sessionKey)).toMatchObject({ context: null });
  });

  it('reports a second step and keeps the half-open session for the gate', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ status: 'totp_required', operator, context: null, contexts: [], permissions: [], csrfToken: 'a' }),
    );
    const { result, client } = setup();
    let outcome: string | undefined;
    await act(async () => {
      outcome = await result.current.mutateAsync({ username: 'assistente', password: 'x' });
    });
    expect(outcome).toBe('totp_required');
    expect(client.getQueryData(sessionKey)).toMatchObject({ status: 'totp_required', context: null, permissions: [] });
  });
});
