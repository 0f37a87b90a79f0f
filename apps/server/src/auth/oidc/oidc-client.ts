import * as client from 'openid-client';
import type { Config } from '../../config/config.js';

type OidcConfig = NonNullable<Config['oidc']>;

/**
 * The issuer's metadata, discovered once per process (OpenID Connect Discovery 1.0) and kept; a failed
 * discovery is retried on the next login. Plain-HTTP issuers are allowed only outside production
 * (the test provider on 127.0.0.1).
 */
const discovered = new Map<string, Promise<client.Configuration>>();

export function oidcConfiguration(oidc: OidcConfig, production: boolean): Promise<client.Configuration> {
  const key = `${oidc.issuer}\n${oidc.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    found = client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      oidc.clientSecret ? { client_secret: oidc.clientSecret } : undefined,
      oidc.clientSecret ? undefined : client.None(),
      production ? undefined : { execute: [client.allowInsecureRequests] },
    );
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/** `TINIT-RSSMRA…` (SPID fiscalNumber) or a bare code → the upper-case fiscal code, or null. */
export function fiscalCodeFromClaim(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value.trim().toUpperCase().replace(/^TINIT-/, '');
  return /^[A-Z0-9]{16}$/.test(code) ? code : null;
}
