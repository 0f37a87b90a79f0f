import type { z } from 'zod';
import { contracts, errorBodySchema, errorMessages, errorStatus } from '@siso/shared';
import type { ActionName, Contracts, ErrorCode } from '@siso/shared';
import { currentLanguage, i18n } from '../i18n/i18n';

export type ActionInput<N extends ActionName> = z.input<Contracts[N]['input']>;
export type ActionOutput<N extends ActionName> = z.output<Contracts[N]['output']>;

/** Wire error codes, plus the two the client raises itself (no answer; an answer off the contract). */
export type ApiErrorCode = ErrorCode | 'network' | 'invalid_response';

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** An API failure with the wire contract's error body: `{ code, message, details: [{ path, message }] }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ApiErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Actions whose answer carries a fresh CSRF token (architecture: session contract). */
const tokenIssuers = new Set<ActionName>(['auth.login', 'auth.me', 'auth.selectContext', 'auth.verifyTotp', 'auth.confirmTotp', 'auth.changePassword']);

/** The CSRF token lives in memory only: after a reload `auth.me` hands out a new one. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(errorStatus) as [ErrorCode, number][]).find(([, s]) => s === status);
  return match ? match[0] : 'internal';
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data;
    return new ApiError(status, code, message, details, requestId);
  }
  const code = codeForStatus(status);
  return new ApiError(status, code, errorMessages[code][currentLanguage()]);
}

async function post(name: ActionName, input: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(`/api/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(input ?? {}),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
}

/** The server's answer to a missing or stale `x-csrf-token` (wire contract: 403 `csrf_invalid`). */
function isCsrfRejection(status: number, body: unknown): boolean {
  const parsed = errorBodySchema.safeParse(body);
  return status === errorStatus.csrf_invalid && parsed.success && parsed.data.code === 'csrf_invalid';
}

/**
 * One renewal at a time: calls rejected together wait for the same `auth.me`. It takes no abort
 * signal, since one caller giving up must not fail the others' renewal.
 */
let renewal: Promise<unknown> | null = null;

function renewCsrfToken(): Promise<unknown> {
  renewal ??= call('auth.me', {}).finally(() => (renewal = null));
  return renewal;
}

/**
 * Calls one action of the API: `POST /api/<name>` with JSON; the answer is parsed with the action's
 * zod output schema, failures become an {@link ApiError}. A token the server rejects (another tab
 * logged in again or changed context, rotating it) is renewed through `auth.me` and the call repeated
 * exactly once: a second rejection is the caller's error.
 */
export async function call<N extends ActionName>(
  name: N,
  input: ActionInput<N>,
  options: { signal?: AbortSignal } = {},
): Promise<ActionOutput<N>> {
  let res = await post(name, input, options.signal);
  let body = await readJson(res);
  // auth.me is exempt from CSRF; the name check only rules out renewing through itself.
  if (name !== 'auth.me' && isCsrfRejection(res.status, body)) {
    await renewCsrfToken();
    res = await post(name, input, options.signal);
    body = await readJson(res);
  }
  if (!res.ok) throw errorFromResponse(res.status, body);
  const parsed = contracts[name].output.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(res.status, 'invalid_response', i18n.t('errors.invalidResponse'));
  }
  const output = parsed.data as ActionOutput<N>;
  if (tokenIssuers.has(name)) setCsrfToken((output as { csrfToken: string }).csrfToken);
  if (name === 'auth.logout' || name === 'auth.logoutEverywhere') setCsrfToken(null);
  return output;
}
