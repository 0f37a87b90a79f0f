import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import { open, seal, secretKey } from '../secret-box.js';

/**
 * The state, nonce and PKCE verifier of one OIDC login travel in a short-lived cookie, encrypted and
 * authenticated with the server key (AES-256-GCM): nothing to store, nothing to clean up, and a
 * callback from another browser (login CSRF, RFC 6749 §10.12) has no matching cookie.
 */
export const OIDC_COOKIE = 'siso_oidc';
const TTL_SECONDS = 600;
const AAD = 'oidc-state';

export interface OidcLoginState {
  state: string;
  nonce: string;
  verifier: string;
}

type KeyConfig = Pick<Config, 'secretKey' | 'dataDir' | 'cookieSecure'>;

export function setStateCookie(reply: FastifyReply, config: KeyConfig, s: OidcLoginState): void {
  const value = seal(secretKey(config), JSON.stringify({ ...s, exp: Date.now() + TTL_SECONDS * 1000 }), AAD);
  // SameSite=Lax: the cookie comes back on the top-level GET redirect from the issuer.
  void reply.setCookie(OIDC_COOKIE, value, { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: TTL_SECONDS });
}

export function takeStateCookie(req: FastifyRequest, reply: FastifyReply, config: KeyConfig): OidcLoginState | null {
  const raw = req.cookies[OIDC_COOKIE];
  void reply.clearCookie(OIDC_COOKIE, { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure });
  if (!raw) return null;
  const text = open(secretKey(config), raw, AAD);
  if (!text) return null;
  const s = JSON.parse(text) as OidcLoginState & { exp: number };
  return s.exp > Date.now() ? { state: s.state, nonce: s.nonce, verifier: s.verifier } : null;
}
