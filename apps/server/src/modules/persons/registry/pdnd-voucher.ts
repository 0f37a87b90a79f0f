/**
 * PDND voucher (standards.md §5.1): an RFC 7523 client assertion signed with the client's key
 * (iss = sub = client id, aud, jti, short exp, `purposeId`, and `digest` = SHA-256 of the AUDIT_REST_02
 * tracking evidence) exchanged at the token endpoint for a Bearer voucher.
 * The voucher is bound to that tracking evidence, so both are cached together per e-service,
 * purpose and operator (userID, userLocation, LoA) until shortly before either expires.
 */
import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { httpRequest, parseAnswer } from './http.js';
import { trackingEvidence, type AuditUser, type ClientKey, type TrackingEvidence } from './modi-headers.js';
import { RegistryUnavailableError } from './registry-errors.js';

export interface PdndOptions {
  tokenUrl: string;
  clientId: string;
  key: ClientKey;
  /** `aud` of the client assertion; default: PDND's `<host>/client-assertion`, or the token URL elsewhere. */
  audience?: string | null;
  now?: () => number;
  /** Lifetime of the tracking evidence (and the most a cached voucher is reused). */
  trackingTtlSeconds?: number;
}

export interface Voucher {
  accessToken: string;
  tracking: TrackingEvidence;
  expiresAt: number;
  /** jti of the client assertion that obtained it (for the call log). */
  assertionJti: string;
  /** True when taken from the cache (no token call was made). */
  cached: boolean;
}

const tokenAnswer = z.object({
  access_token: z.string().min(16),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive(),
});
const tokenError = z.object({ error: z.string().optional(), error_description: z.string().optional(), title: z.string().optional(), detail: z.string().optional() });

/** Renew this long before expiry, so a voucher never expires in flight. */
const MARGIN_MS = 30_000;
const ASSERTION_TTL_SECONDS = 120;
const MAX_CACHED = 500;

/** PDND's documented assertion audience is `<auth host>/client-assertion` (◐ public clients). */
export function defaultAssertionAudience(tokenUrl: string): string {
  const u = new URL(tokenUrl);
  return u.hostname.endsWith('interop.pagopa.it') ? `${u.host}/client-assertion` : tokenUrl;
}

export class PdndVoucherProvider {
  private readonly cache = new Map<string, Voucher>();
  private readonly now: () => number;

  constructor(private readonly o: PdndOptions) {
    this.now = o.now ?? Date.now;
  }

  /** A voucher for `purposeId` bound to a tracking evidence of `user` for the e-service `audience`. */
  async voucher(p: { purposeId: string; audience: string; user: AuditUser }, signal: AbortSignal): Promise<Voucher> {
    const key = JSON.stringify([p.audience, p.purposeId, p.user.userID, p.user.userLocation, p.user.LoA]);
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt - MARGIN_MS > this.now()) return { ...hit, cached: true };
    this.cache.delete(key);
    const tracking = await trackingEvidence(this.o.key, {
      clientId: this.o.clientId, audience: p.audience, purposeId: p.purposeId, user: p.user,
      ttlSeconds: this.o.trackingTtlSeconds ?? 600, now: this.now(),
    });
    const v = await this.request(p.purposeId, tracking, signal);
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, v);
    return v;
  }

  /** Drops a cached voucher the e-service refused (e.g. revoked), so the next call asks again. */
  forget(p: { purposeId: string; audience: string; user: AuditUser }): void {
    this.cache.delete(JSON.stringify([p.audience, p.purposeId, p.user.userID, p.user.userLocation, p.user.LoA]));
  }

  async clientAssertion(purposeId: string, digestHex: string | null, jti: string = crypto.randomUUID()): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({ purposeId, ...(digestHex ? { digest: { alg: 'SHA256', value: digestHex } } : {}) })
      .setProtectedHeader({ alg: this.o.key.alg, kid: this.o.key.kid, typ: 'JWT' })
      .setIssuer(this.o.clientId)
      .setSubject(this.o.clientId)
      .setAudience(this.o.audience ?? defaultAssertionAudience(this.o.tokenUrl))
      .setJti(jti)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_TTL_SECONDS)
      .sign(this.o.key.key);
  }

  private async request(purposeId: string, tracking: TrackingEvidence, signal: AbortSignal): Promise<Voucher> {
    const assertionJti = crypto.randomUUID();
    const form = new URLSearchParams({
      client_id: this.o.clientId,
      client_assertion: await this.clientAssertion(purposeId, tracking.hash, assertionJti),
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      grant_type: 'client_credentials',
    });
    const answer = await httpRequest(this.o.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    }, signal, 'token');
    if (answer.status >= 400 && answer.status < 500) {
      let why = '';
      try {
        const e = tokenError.parse(JSON.parse(answer.text));
        why = [e.error ?? e.title, e.error_description ?? e.detail].filter(Boolean).join(': ');
      } catch {
        /* no readable error body */
      }
      throw new RegistryUnavailableError('rejected', `voucher PDND rifiutato (HTTP ${answer.status}${why ? `, ${why}` : ''})`, { service: 'token', status: answer.status });
    }
    if (answer.status !== 200) throw new RegistryUnavailableError('http_error', `HTTP ${answer.status}`, { service: 'token', status: answer.status });
    const t = parseAnswer(answer, tokenAnswer, 'token');
    const expiresAt = Math.min(this.now() + t.expires_in * 1000, tracking.expiresAt);
    return { accessToken: t.access_token, tracking, expiresAt, assertionJti, cached: false };
  }
}
