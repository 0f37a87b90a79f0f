// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, call, getCsrfToken, setCsrfToken } from './api';
import { errorMessages, fieldMessages } from '@siso/shared';
import { i18n } from '../i18n/i18n';

const operator = { id: '7d4f1a4e-0000-4000-8000-000000000001', username: 'assistente', displayName: 'Anna Rossi' };
const session = { operator, context: null, contexts: [], permissions: [], csrfToken: 'tok-1' };

function reply(status: number, body: unknown) {
  return new Response(body === undefined ? '' : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const fetchMock = vi.fn<typeof fetch>();

function sentHeaders(i: number): Record<string, string> {
  return (fetchMock.mock.calls[i]?.[1]?.headers ?? {}) as Record<string, string>;
}

beforeEach(async () => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken(null);
  await i18n.changeLanguage('it');
});
afterEach(() => vi.unstubAllGlobals());

describe('call', () => {
  it('posts JSON to /api/<name> with same-origin credentials and Accept-Language', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { ...session, status: 'ok' }));
    await call('auth.login', { username: 'assistente', password: 'x' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth.login');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'assistente', password: 'x' });
    expect(sentHeaders(0)['Accept-Language']).toBe('it');
    expect(sentHeaders(0)['Content-Type']).toBe('application/json');
  });

  it('keeps the CSRF token from auth.login and sends it as x-csrf-token afterwards', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { ...session, status: 'ok' }));
    fetchMock.mockResolvedValueOnce(reply(200, { updated: 0 }));
    await call('auth.login', { username: 'assistente', password: 'x' });
    expect(sentHeaders(0)['x-csrf-token']).toBeUndefined();
    expect(getCsrfToken()).toBe('tok-1');
    await call('alerts.markRead', { all: true });
    expect(sentHeaders(1)['x-csrf-token']).toBe('tok-1');
  });

  it('takes a fresh token from auth.me and auth.selectContext, and forgets it on logout', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { ...session, csrfToken: 'tok-me' }));
    await call('auth.me', {});
    expect(getCsrfToken()).toBe('tok-me');
    fetchMock.mockResolvedValueOnce(reply(200, { ...session, csrfToken: 'tok-ctx' }));
    await call('auth.selectContext', { enteId: operator.id, officeId: operator.id });
    expect(getCsrfToken()).toBe('tok-ctx');
    fetchMock.mockResolvedValueOnce(reply(200, { ok: true }));
    await call('auth.logout', {});
    expect(sentHeaders(2)['x-csrf-token']).toBe('tok-ctx');
    expect(getCsrfToken()).toBeNull();
  });

  it('sends Accept-Language: en when English is chosen', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockResolvedValueOnce(reply(200, { ok: true }));
    await call('auth.logout', {});
    expect(sentHeaders(0)['Accept-Language']).toBe('en');
  });

  it('maps the wire error body to ApiError with status, code, message and details', async () => {
    const body = {
      code: 'invalid_input',
      message: 'Dati non validi: controllare i campi indicati.',
      details: [{ path: 'username', message: 'Campo obbligatorio.' }],
      requestId: 'req-1',
    };
    fetchMock.mockResolvedValueOnce(reply(400, body));
    const error = await call('auth.login', { username: '', password: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: body.message,
      details: body.details,
      requestId: 'req-1',
    });
  });

  it('maps a status without a wire body to its code and the localised message', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 401 }));
    const error = await call('auth.me', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', details: [] });
    expect((error as ApiError).message).toBe('Accesso richiesto: effettuare il login.');
  });

  it('reports a network failure as code network with status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = await call('system.get', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('rejects an answer that does not match the output contract', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { updated: 'many' }));
    const error = await call('alerts.markRead', { all: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });

  // The body is the server's answer to a stale token, as apps/server/src/http/pipeline.int.test.ts
  // pins it ('refuses a mutation without the CSRF token'); tests/e2e/csrf.e2e.test.ts drives the
  // same renewal in Chromium against the real server.
  const csrfRejection = {
    code: 'csrf_invalid',
    message: errorMessages.csrf_invalid.it,
    details: [{ path: 'x-csrf-token', message: fieldMessages.csrf.it }],
    requestId: 'req-csrf',
  };

  it('renews a rejected CSRF token through auth.me and repeats the call once', async () => {
    setCsrfToken('stale');
    fetchMock.mockResolvedValueOnce(reply(403, csrfRejection));
    fetchMock.mockResolvedValueOnce(reply(200, { ...session, csrfToken: 'fresh' }));
    fetchMock.mockResolvedValueOnce(reply(200, { updated: 2 }));
    await expect(call('alerts.markRead', { all: true })).resolves.toEqual({ updated: 2 });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/alerts.markRead',
      '/api/auth.me',
      '/api/alerts.markRead',
    ]);
    expect(sentHeaders(0)['x-csrf-token']).toBe('stale');
    expect(sentHeaders(2)['x-csrf-token']).toBe('fresh');
  });

  it('repeats the call only once: a second rejection is the caller\'s error', async () => {
    setCsrfToken('stale');
    fetchMock.mockResolvedValueOnce(reply(403, csrfRejection));
    fetchMock.mockResolvedValueOnce(reply(200, { ...session, csrfToken: 'fresh' }));
    fetchMock.mockResolvedValueOnce(reply(403, csrfRejection));
    const error = await call('alerts.markRead', { all: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'csrf_invalid' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('does not renew on a plain forbidden (the profile lacks the permission)', async () => {
    setCsrfToken('tok');
    fetchMock.mockResolvedValueOnce(reply(403, { code: 'forbidden', message: errorMessages.forbidden.it, details: [] }));
    const error = await call('alerts.markRead', { all: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
