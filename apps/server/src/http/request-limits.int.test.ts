import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, errorMessages } from '@siso/shared';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { MAX_HEADER_BYTES, MAX_URL_BYTES, NODE_MAX_HEADER_SIZE } from './request-limits.js';

/**
 * Oversized heads answered in the wire contract's error body (issue 10, item 7): 414 for the URL,
 * 431 for the headers, both through Fastify (heads Node accepts) and through Node's clientError
 * (heads over its parser limit), on a real socket where Node's parser is in the way.
 */
let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.server.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.server.address() as net.AddressInfo).port;
});
afterAll(async () => t?.close());

const longUrl = (bytes: number) => `/api/reference.comuni?input=${'a'.repeat(bytes)}`;

/** Sends raw bytes and reads the answer until the server closes the connection. */
function rawRequest(text: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = all.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body });
    });
  });
}

function expectErrorBody(body: unknown, code: 'uri_too_long' | 'headers_too_large' | 'invalid_input') {
  const parsed = errorBodySchema.parse(body);
  expect(parsed).toEqual({ code, message: errorMessages[code].it, details: [], requestId: expect.any(String) });
}

describe('through Fastify (a head Node accepts)', () => {
  it('answers 414 uri_too_long in the error body for a URL over the limit', async () => {
    const res = await t.app.server.inject({ method: 'GET', url: longUrl(MAX_URL_BYTES) });
    expect(res.statusCode).toBe(414);
    expectErrorBody(res.json(), 'uri_too_long');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('lets a URL under the limit through to the action', async () => {
    const res = await t.app.server.inject({ method: 'GET', url: longUrl(MAX_URL_BYTES - 100) });
    expect(res.statusCode).toBe(401);
  });

  it('answers 431 headers_too_large in the error body for headers over the limit, in English on request', async () => {
    const res = await t.app.server.inject({ method: 'GET', url: '/api/auth.me', headers: { 'accept-language': 'en', 'x-filler': 'a'.repeat(MAX_HEADER_BYTES) } });
    expect(res.statusCode).toBe(431);
    expect(res.json()).toMatchObject({ code: 'headers_too_large', message: errorMessages.headers_too_large.en });
    const under = await t.app.server.inject({ method: 'GET', url: '/api/auth.me', headers: { 'x-filler': 'a'.repeat(MAX_HEADER_BYTES - 1000) } });
    expect(under.statusCode).toBe(401);
  });

  it('does the same on a real socket, where Node parses the head first', async () => {
    const url = await rawRequest(`GET ${longUrl(MAX_URL_BYTES + 1000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(url.status).toBe(414);
    expectErrorBody(JSON.parse(url.body), 'uri_too_long');
  });
});

describe("through Node's clientError (a head over its parser limit)", () => {
  it('answers 414 uri_too_long in the error body, not Node\'s or Fastify\'s own answer', async () => {
    const res = await rawRequest(`GET ${longUrl(NODE_MAX_HEADER_SIZE + 1000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(res.status).toBe(414);
    expectErrorBody(JSON.parse(res.body), 'uri_too_long');
    expect(res.headers).toMatch(/\r\ncache-control: no-store\r\n/);
    expect(res.headers).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/);
    // Content-Length counts bytes: the Italian message has accented letters.
    expect(Number(/\r\ncontent-length: (\d+)/.exec(res.headers)![1])).toBe(Buffer.byteLength(res.body));
  });

  it('answers 431 headers_too_large in the error body', async () => {
    const res = await rawRequest(`GET /api/auth.me HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(NODE_MAX_HEADER_SIZE)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expectErrorBody(JSON.parse(res.body), 'headers_too_large');
  });

  it('answers a malformed head with 400 invalid_input in the error body', async () => {
    const res = await rawRequest('GET /api/auth.me HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n');
    expect(res.status).toBe(400);
    expectErrorBody(JSON.parse(res.body), 'invalid_input');
  });
});
