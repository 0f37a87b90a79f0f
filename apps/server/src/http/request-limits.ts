import crypto from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ErrorCode } from '@siso/shared';
import { AppError } from './app-error.js';
import { errorBody } from './error-body.js';

/**
 * Limits of a request's head, answered in the wire contract's error body (OWASP ASVS 13.1.3/13.2: a
 * predictable error answer, no framework default; CWE-400 uncontrolled resource consumption).
 * The web client sends every action by POST, so a URL only carries a GET query's input: 8 KiB is
 * RFC 9110 §4.1's recommended minimum; headers get Node's usual 16 KiB.
 */
export const MAX_URL_BYTES = 8 * 1024;
export const MAX_HEADER_BYTES = 16 * 1024;
/**
 * Node's own parser limit (request line + headers) sits above ours, so a head it accepts reaches
 * `checkRequestHead` and is told exactly what is too large; one that does not gets `answerClientError`.
 */
export const NODE_MAX_HEADER_SIZE = MAX_URL_BYTES + MAX_HEADER_BYTES + 1024;

/** onRequest hook: 414 for a URL over MAX_URL_BYTES, 431 for headers over MAX_HEADER_BYTES. */
export async function checkRequestHead(req: FastifyRequest): Promise<void> {
  // Both are latin1 strings as received, so their length is their size in bytes.
  if (req.raw.url && req.raw.url.length > MAX_URL_BYTES) throw new AppError('uri_too_long');
  const raw = req.raw.rawHeaders;
  let size = 0;
  for (let i = 0; i < raw.length; i++) size += raw[i]!.length + 2; // ": " after a name, CRLF after a value
  if (size > MAX_HEADER_BYTES) throw new AppError('headers_too_large');
}

/**
 * Node's 'clientError' (Fastify's clientErrorHandler): the head could not be parsed, so there is no
 * request, no route and no Accept-Language. Answers our error body in Italian with a request id that
 * is logged, then closes the connection. An overflow whose first bytes show a request line over the
 * URL limit is a 414, any other overflow a 431; anything else malformed is a 400 invalid_input.
 */
export function answerClientError(this: FastifyInstance, err: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    // The client never finished its head: Node's own answer, nothing of ours to say.
    if (socket.writable) socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', () => socket.destroy());
    else socket.destroy();
    return;
  }
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW' ? (requestLineTooLong(err.rawPacket) ? 'uri_too_long' : 'headers_too_large') : 'invalid_input';
  const requestId = crypto.randomUUID();
  this.log.warn({ requestId, code, parserError: err.code }, 'request refused before parsing');
  if (!socket.writable) return void socket.destroy();
  const appErr = new AppError(code);
  const body = JSON.stringify(errorBody(appErr, 'it', requestId));
  const head = [
    `HTTP/1.1 ${appErr.status} ${http.STATUS_CODES[appErr.status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
  ].join('\r\n');
  socket.end(`${head}\r\n\r\n${body}`, () => socket.destroy());
}

/** The packet starts a request (a method token) and has no line end within the URL limit. */
function requestLineTooLong(packet: unknown): boolean {
  if (!Buffer.isBuffer(packet)) return false;
  const start = packet.subarray(0, MAX_URL_BYTES + 32).toString('latin1');
  return /^[A-Z]+ /.test(start) && !start.includes('\r\n');
}
