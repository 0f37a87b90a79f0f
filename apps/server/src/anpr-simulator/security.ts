/**
 * What the simulator checks, as PDND and the ANPR GovWay do (standards.md §5.1):
 * - the PDND token endpoint: an RFC 7523 client assertion signed with the client's registered key
 *   (iss = sub = client id, aud = the token URL or PDND's `<host>/client-assertion`, jti, short exp,
 *   `purposeId`, and the `digest` of the AUDIT_REST_02 tracking evidence) → a voucher signed by the
 *   simulator carrying purposeId and digest;
 * - every e-service call: the Bearer voucher (signature, exp, purpose), `Agid-JWT-TrackingEvidence`
 *   (userID, userLocation, LoA; its SHA-256 must equal the voucher's digest), `Agid-JWT-Signature`
 *   (INTEGRITY_REST_02: signed_headers with digest and content-type; aud = the e-service URL WITHOUT
 *   `-PDND` and without the operation segment — the integrators' pitfall of §5.1) and
 *   `Digest: SHA-256=<base64>` of the body.
 */
import crypto from 'node:crypto';
import { SignJWT, decodeProtectedHeader, importJWK, jwtVerify, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface SecurityOptions {
  clientId: string;
  purposeId: string;
  clientPublicJwk: JWK;
  tokenUrl: string;
  /** `<origin>/govway/rest/in/MinInternoPortaANPR` (no -PDND): the base of every ModI `aud`. */
  audienceBase: string;
  voucherTtlSeconds: number;
  now: () => number;
}

export type Problem = { status: number; title: string; detail: string };
type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const ALGS = ['RS256', 'ES256'];
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** A client assertion may live at most this long (PDND: short-lived; §5.1). */
const MAX_ASSERTION_SECONDS = 600;

const fail = (status: number, title: string, detail: string): { ok: false; problem: Problem } => ({ ok: false, problem: { status, title, detail } });
const sha256Hex = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

export class SimSecurity {
  private clientKey: Promise<CryptoKey | Uint8Array>;
  private voucherKeys: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }>;
  private readonly seenJti = new Map<string, number>();

  constructor(private readonly o: SecurityOptions) {
    const alg = o.clientPublicJwk.alg ?? (o.clientPublicJwk.kty === 'EC' ? 'ES256' : 'RS256');
    this.clientKey = importJWK(o.clientPublicJwk, alg);
    this.voucherKeys = crypto.webcrypto.subtle
      .generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
      .then((k) => k as { privateKey: CryptoKey; publicKey: CryptoKey });
  }

  private get date(): Date {
    return new Date(this.o.now());
  }

  /** jti seen within its lifetime is a replay. */
  private replay(jti: string, exp: number): boolean {
    const nowS = this.o.now() / 1000;
    for (const [k, e] of this.seenJti) if (e < nowS) this.seenJti.delete(k);
    if (this.seenJti.has(jti)) return true;
    this.seenJti.set(jti, exp);
    return false;
  }

  private async verifyClientJwt(token: string): Promise<Checked<JWTPayload>> {
    try {
      const header = decodeProtectedHeader(token);
      if (this.o.clientPublicJwk.kid && header.kid !== this.o.clientPublicJwk.kid) return fail(401, 'invalid_client', `kid sconosciuto: ${String(header.kid)}`);
      const { payload } = await jwtVerify(token, await this.clientKey, { algorithms: ALGS, currentDate: this.date });
      return { ok: true, value: payload };
    } catch (err) {
      return fail(401, 'invalid_client', `firma o validità del JWT: ${(err as Error).message}`);
    }
  }

  /** POST /token.oauth2 (form) → the voucher, or an OAuth error. */
  async issueVoucher(form: URLSearchParams): Promise<{ status: number; body: Record<string, unknown> }> {
    const err = (status: number, error: string, description: string) => ({ status, body: { error, error_description: description } });
    if (form.get('grant_type') !== 'client_credentials') return err(400, 'unsupported_grant_type', 'grant_type deve essere client_credentials');
    if (form.get('client_assertion_type') !== ASSERTION_TYPE) return err(400, 'invalid_request', `client_assertion_type deve essere ${ASSERTION_TYPE}`);
    const clientId = form.get('client_id');
    if (clientId && clientId !== this.o.clientId) return err(401, 'invalid_client', 'client_id sconosciuto');
    const assertion = form.get('client_assertion');
    if (!assertion) return err(400, 'invalid_request', 'client_assertion mancante');
    const v = await this.verifyClientJwt(assertion);
    if (!v.ok) return err(401, 'invalid_client', v.problem.detail);
    const c = v.value;
    const host = new URL(this.o.tokenUrl).host;
    const audiences = [this.o.tokenUrl, `${host}/client-assertion`];
    const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
    if (c.iss !== this.o.clientId || c.sub !== this.o.clientId) return err(401, 'invalid_client', 'iss e sub devono essere il client id');
    if (!aud.some((a) => a !== undefined && audiences.includes(a))) return err(401, 'invalid_client', `aud deve essere ${audiences.join(' o ')}`);
    if (!nonEmpty(c.jti) || typeof c.exp !== 'number' || typeof c.iat !== 'number') return err(400, 'invalid_request', 'jti, iat ed exp obbligatori');
    if (c.exp - this.o.now() / 1000 > MAX_ASSERTION_SECONDS) return err(400, 'invalid_request', `exp oltre ${MAX_ASSERTION_SECONDS} s`);
    if (this.replay(`ca:${c.jti}`, c.exp)) return err(400, 'invalid_request', 'jti già usato');
    if (c.purposeId !== this.o.purposeId) return err(403, 'invalid_purpose', 'purposeId non autorizzato per questo client');
    const digest = c.digest as { alg?: unknown; value?: unknown } | undefined;
    if (digest !== undefined && (digest.alg !== 'SHA256' || typeof digest.value !== 'string' || !/^[0-9a-f]{64}$/.test(digest.value))) {
      return err(400, 'invalid_request', 'digest deve essere { alg: "SHA256", value: <hex> }');
    }
    const nowS = Math.floor(this.o.now() / 1000);
    const { privateKey } = await this.voucherKeys;
    const token = await new SignJWT({ purposeId: this.o.purposeId, client_id: this.o.clientId, ...(digest ? { digest } : {}) })
      .setProtectedHeader({ alg: 'ES256', kid: 'anpr-sim-voucher', typ: 'at+jwt' })
      .setIssuer(new URL(this.o.tokenUrl).origin)
      .setSubject(this.o.clientId)
      .setAudience(this.o.audienceBase)
      .setJti(crypto.randomUUID())
      .setIssuedAt(nowS)
      .setNotBefore(nowS)
      .setExpirationTime(nowS + this.o.voucherTtlSeconds)
      .sign(privateKey);
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: this.o.voucherTtlSeconds } };
  }

  /** Checks the ModI headers of an e-service call; returns the tracking evidence claims. */
  async checkCall(service: string, headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<Checked<JWTPayload>> {
    const h = (n: string) => {
      const v = headers[n.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    };
    const auth = h('authorization');
    if (!auth?.startsWith('Bearer ')) return fail(401, 'AuthenticationRequired', 'voucher PDND mancante (Authorization: Bearer)');
    let voucher: JWTPayload;
    try {
      voucher = (await jwtVerify(auth.slice(7), (await this.voucherKeys).publicKey, { algorithms: ['ES256'], currentDate: this.date, audience: this.o.audienceBase })).payload;
    } catch (err) {
      return fail(401, 'TokenAuthenticationFailed', `voucher non valido: ${(err as Error).message}`);
    }
    if (voucher.purposeId !== this.o.purposeId) return fail(403, 'AuthorizationDenied', 'finalità (purposeId) non autorizzata');
    const audience = `${this.o.audienceBase}/${service}/v1`;

    const te = h('agid-jwt-trackingevidence');
    if (!te) return fail(400, 'InteroperabilityInvalidRequest', 'header Agid-JWT-TrackingEvidence mancante (AUDIT_REST_02)');
    const tv = await this.verifyClientJwt(te);
    if (!tv.ok) return fail(400, 'InteroperabilityInvalidRequest', `Agid-JWT-TrackingEvidence: ${tv.problem.detail}`);
    const audit = tv.value;
    if (audit.aud !== audience) return fail(400, 'InteroperabilityInvalidRequest', `Agid-JWT-TrackingEvidence: aud non valido, atteso ${audience}`);
    for (const claim of ['userID', 'userLocation', 'LoA']) {
      if (!nonEmpty(audit[claim])) return fail(400, 'InteroperabilityInvalidRequest', `Agid-JWT-TrackingEvidence: claim ${claim} mancante`);
    }
    const digest = voucher.digest as { value?: string } | undefined;
    if (!digest?.value || digest.value !== sha256Hex(te)) {
      return fail(400, 'InteroperabilityInvalidRequest', "Agid-JWT-TrackingEvidence: l'hash non corrisponde al digest del voucher");
    }

    const sig = h('agid-jwt-signature');
    if (!sig) return fail(400, 'InteroperabilityInvalidRequest', 'header Agid-JWT-Signature mancante (INTEGRITY_REST_02)');
    const sv = await this.verifyClientJwt(sig);
    if (!sv.ok) return fail(400, 'InteroperabilityInvalidRequest', `Agid-JWT-Signature: ${sv.problem.detail}`);
    const s = sv.value;
    if (s.aud !== audience) return fail(400, 'InteroperabilityInvalidRequest', `Agid-JWT-Signature: aud non valido, atteso ${audience}`);
    if (!nonEmpty(s.jti) || typeof s.exp !== 'number' || this.replay(`sig:${s.jti}`, s.exp)) return fail(400, 'InteroperabilityInvalidRequest', 'Agid-JWT-Signature: jti mancante o già usato');
    const signed = new Map<string, unknown>();
    for (const entry of Array.isArray(s.signed_headers) ? s.signed_headers : []) {
      if (entry && typeof entry === 'object') for (const [k, v] of Object.entries(entry)) signed.set(k.toLowerCase(), v);
    }
    const digestHeader = h('digest');
    if (!digestHeader || signed.get('digest') !== digestHeader) return fail(400, 'InteroperabilityInvalidRequest', 'Agid-JWT-Signature: signed_headers.digest diverso dall\'header Digest');
    if (signed.get('content-type') !== h('content-type')) return fail(400, 'InteroperabilityInvalidRequest', 'Agid-JWT-Signature: signed_headers.content-type diverso dall\'header Content-Type');
    const expected = `SHA-256=${crypto.createHash('sha256').update(rawBody).digest('base64')}`;
    if (digestHeader !== expected) return fail(400, 'InteroperabilityInvalidRequest', 'Digest non corrisponde al corpo della richiesta');
    return { ok: true, value: audit };
  }
}
