/**
 * ModI headers of a call to an ANPR e-service (standards.md §5.1, from the ANPR OpenAPI files):
 * - AUDIT_REST_02: `Agid-JWT-TrackingEvidence`, a JWT with userID, userLocation and LoA, whose
 *   SHA-256 travels in the voucher request as `digest` (so the voucher is bound to it);
 * - INTEGRITY_REST_02: `Agid-JWT-Signature` with `signed_headers` (digest, content-type) and the
 *   `Digest: SHA-256=<base64>` header of the exact body bytes.
 * The `aud` of both is the e-service URL WITHOUT `-PDND` and without the operation segment
 * (`…/MinInternoPortaANPR/C030-servizioAccertamentoIdUnicoNazionale/v1`): the pitfall integrators
 * report (§5.1, ◐) — getting it wrong is an HTTP 400 InteroperabilityInvalidRequest.
 */
import crypto from 'node:crypto';
import { SignJWT, importPKCS8, type CryptoKey } from 'jose';

export interface ClientKey {
  key: CryptoKey;
  alg: 'RS256' | 'ES256';
  /** The key id registered on PDND for the client. */
  kid: string;
}

/** Imports the client's PKCS#8 PEM key (RSA → RS256, EC P-256 → ES256). */
export async function loadClientKey(pem: string, kid: string): Promise<ClientKey> {
  const type = crypto.createPrivateKey(pem).asymmetricKeyType;
  const alg = type === 'ec' ? 'ES256' : type === 'rsa' ? 'RS256' : null;
  if (!alg) throw new Error(`chiave PDND di tipo non supportato: ${type ?? '?'} (serve RSA o EC P-256)`);
  const pkcs8 = crypto.createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }).toString();
  return { key: await importPKCS8(pkcs8, alg), alg, kid };
}

/** The ModI audience of an e-service: base URL without `-PDND`, plus `/<service>/v1`. */
export function modiAudience(baseUrl: string, service: string, override?: string | null): string {
  const base = (override ?? baseUrl.replace(/-PDND(?=\/|$)/, '')).replace(/\/+$/, '');
  return `${base}/${service}/v1`;
}

/** `Digest` header value of a body (RFC 3230 style, as INTEGRITY_REST_02 wants). */
export function bodyDigest(body: string): string {
  return `SHA-256=${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}`;
}

export interface TrackingEvidence {
  jwt: string;
  jti: string;
  /** SHA-256 of the JWT, hex: the voucher request's `digest.value`. */
  hash: string;
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}

export interface AuditUser {
  userID: string;
  userLocation: string;
  LoA: string;
}

/** AUDIT_REST_02 tracking evidence, built from the calling operator. */
export async function trackingEvidence(
  k: ClientKey,
  o: { clientId: string; audience: string; purposeId: string; user: AuditUser; ttlSeconds: number; now: number },
): Promise<TrackingEvidence> {
  const jti = crypto.randomUUID();
  const iat = Math.floor(o.now / 1000);
  const jwt = await new SignJWT({ purposeId: o.purposeId, dnonce: crypto.randomInt(1e12, 9e12), userID: o.user.userID, userLocation: o.user.userLocation, LoA: o.user.LoA })
    .setProtectedHeader({ alg: k.alg, kid: k.kid, typ: 'JWT' })
    .setIssuer(o.clientId)
    .setAudience(o.audience)
    .setJti(jti)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + o.ttlSeconds)
    .sign(k.key);
  return { jwt, jti, hash: crypto.createHash('sha256').update(jwt).digest('hex'), expiresAt: (iat + o.ttlSeconds) * 1000 };
}

/** INTEGRITY_REST_02 signature over the digest and content type of one request. */
export async function integritySignature(
  k: ClientKey,
  o: { clientId: string; audience: string; digest: string; contentType: string; now: number; ttlSeconds?: number },
): Promise<{ jwt: string; jti: string }> {
  const jti = crypto.randomUUID();
  const iat = Math.floor(o.now / 1000);
  const jwt = await new SignJWT({ signed_headers: [{ digest: o.digest }, { 'content-type': o.contentType }] })
    .setProtectedHeader({ alg: k.alg, kid: k.kid, typ: 'JWT' })
    .setIssuer(o.clientId)
    .setSubject(o.clientId)
    .setAudience(o.audience)
    .setJti(jti)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + (o.ttlSeconds ?? 300))
    .sign(k.key);
  return { jwt, jti };
}

/** The headers of one signed JSON POST (voucher and tracking evidence from pdnd-voucher.ts). */
export async function signedHeaders(
  k: ClientKey,
  o: { clientId: string; audience: string; body: string; voucher: string; tracking: string; now: number },
): Promise<{ headers: Record<string, string>; jti: string }> {
  const contentType = 'application/json';
  const digest = bodyDigest(o.body);
  const sig = await integritySignature(k, { clientId: o.clientId, audience: o.audience, digest, contentType, now: o.now });
  return {
    jti: sig.jti,
    headers: {
      authorization: `Bearer ${o.voucher}`,
      'content-type': contentType,
      accept: 'application/json',
      digest,
      'agid-jwt-signature': sig.jwt,
      'agid-jwt-trackingevidence': o.tracking,
    },
  };
}
