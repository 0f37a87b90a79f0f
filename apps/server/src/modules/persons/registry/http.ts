/**
 * HTTP for the registry clients: one deadline (AbortSignal) per operation, no retry, and every
 * failure turned into a RegistryUnavailableError with its reason (timeout, http_error) — answers
 * that do not parse or do not match their zod schema are `bad_response`.
 */
import type { z } from 'zod';
import { RegistryUnavailableError } from './registry-errors.js';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** A deadline for one operation: every request made with it shares the same timeout. */
export function deadline(ms: number): AbortSignal {
  return AbortSignal.timeout(ms);
}

function isTimeout(signal: AbortSignal, err: unknown): boolean {
  const name = (signal.reason as { name?: string } | undefined)?.name ?? (err as { name?: string } | undefined)?.name;
  return signal.aborted && (name === 'TimeoutError' || name === 'AbortError');
}

export async function httpRequest(url: string, init: RequestInit, signal: AbortSignal, service: string): Promise<HttpAnswer> {
  if (signal.aborted) throw new RegistryUnavailableError('timeout', 'tempo scaduto prima della richiesta', { service });
  try {
    const res = await fetch(url, { ...init, signal, redirect: 'error' });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (err) {
    if (isTimeout(signal, err)) throw new RegistryUnavailableError('timeout', 'tempo scaduto', { service });
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new RegistryUnavailableError('http_error', `connessione non riuscita${cause ? ` (${cause})` : ''}`, { service });
  }
}

/** Parses a JSON answer against its schema; anything else is `bad_response`. */
export function parseAnswer<S extends z.ZodType>(answer: HttpAnswer, schema: S, service: string): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(answer.text);
  } catch {
    throw new RegistryUnavailableError('bad_response', `risposta non JSON (HTTP ${answer.status})`, { service, status: answer.status });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    // Paths only: values may be personal data and must not reach the log.
    const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(radice)').join(', ');
    throw new RegistryUnavailableError('bad_response', `risposta non conforme al contratto (${where})`, { service, status: answer.status });
  }
  return parsed.data;
}
