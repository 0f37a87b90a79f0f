import * as client from 'openid-client';
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app-services.js';
import { writeAudit } from '../../audit/audit-writer.js';
import { setSessionCookie } from '../../http/session-cookie.js';
import { fiscalCodeFromClaim, oidcConfiguration } from './oidc-client.js';
import { oidcLogin } from './oidc-login.js';
import { setStateCookie, takeStateCookie } from './oidc-state.js';

/**
 * Login through OpenID Connect (Keycloak, or SPID/CIE behind an OIDC proxy): authorization code flow
 * with PKCE (RFC 7636), state and nonce (OpenID Connect Core 1.0 §3.1). Plain HTTP routes because
 * they are browser redirects, not actions; registered only when SISO_OIDC_ISSUER is set.
 */
export async function oidcRoutes(app: FastifyInstance, opts: { services: AppServices }): Promise<void> {
  const { services } = opts;
  const oidc = services.config.oidc;
  if (!oidc) return;
  const failed = (reason: string) => `/login?error=${reason}`;

  app.get('/api/auth/oidc/start', async (req, reply) => {
    let config: client.Configuration;
    try {
      config = await oidcConfiguration(oidc, services.config.production);
    } catch (err) {
      req.log.error({ err }, 'OIDC discovery failed');
      return reply.redirect(failed('oidc_failed'));
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    setStateCookie(reply, services.config, { state, nonce, verifier });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: oidc.redirectUri,
      scope: oidc.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return reply.redirect(url.href);
  });

  app.get('/api/auth/oidc/callback', async (req, reply) => {
    const meta = { requestId: req.id, ip: req.ip, userAgent: req.headers['user-agent'] };
    const saved = takeStateCookie(req, reply, services.config);
    let fiscalCode: string | null;
    try {
      if (!saved) throw new Error('missing or expired OIDC state cookie');
      const config = await oidcConfiguration(oidc, services.config.production);
      const current = new URL(oidc.redirectUri);
      current.search = new URL(req.url, 'http://callback.invalid').search;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: saved.verifier,
        expectedState: saved.state,
        expectedNonce: saved.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let value: unknown = claims[oidc.fiscalCodeClaim];
      // Providers that follow the spec put scope claims in the UserInfo answer, not in the ID token.
      if (value === undefined) value = (await client.fetchUserInfo(config, tokens.access_token, claims.sub))[oidc.fiscalCodeClaim];
      fiscalCode = fiscalCodeFromClaim(value);
    } catch (err) {
      req.log.warn({ err }, 'OIDC callback refused');
      await writeAudit(services.database.db, { action: 'auth.oidcLogin', outcome: 'denied', errorCode: 'unauthenticated', actor: null, requestId: req.id, clientIp: req.ip, details: { reason: 'callback_refused' } })
        .then(() => services.afterCommit())
        .catch((auditErr: unknown) => req.log.error({ err: auditErr }, 'audit of an OIDC failure failed'));
      return reply.redirect(failed('oidc_failed'));
    }
    const token = await oidcLogin(services, fiscalCode, meta);
    services.afterCommit();
    if (!token) return reply.redirect(failed('oidc_unknown'));
    setSessionCookie(reply, token, services.config);
    return reply.redirect('/');
  });
}
