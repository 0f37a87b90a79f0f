import { Secret, TOTP } from 'otpauth';

/**
 * TOTP (RFC 6238): 30-second steps, 6 digits, HMAC-SHA-1 — the parameters every authenticator app
 * supports (Google Authenticator ignores others). A code is accepted one step either side of now
 * (RFC 6238 §5.2, clock drift) and only for a step later than the last one used, so a code seen over
 * a shoulder or replayed cannot be used again (RFC 6238 §5.2, OWASP ASVS 2.8.4).
 */
export const TOTP_PERIOD = 30;
const WINDOW = 1;

function totpOf(base32: string, label = 'SISO'): TOTP {
  return new TOTP({ issuer: 'SISO', label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(base32) });
}

/** A new 160-bit secret (RFC 4226 §4 recommends 160 bits) in base32, for the authenticator app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI shown as a QR code (Key Uri Format). */
export function totpUri(base32: string, username: string): string {
  return totpOf(base32, username).toString();
}

export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD);
}

/** The step a code was generated for when it is acceptable now, else null (wrong, stale or replayed). */
export function acceptTotp(base32: string, code: string, lastStep: number | null, nowMs = Date.now()): number | null {
  const delta = totpOf(base32).validate({ token: code, timestamp: nowMs, window: WINDOW });
  if (delta === null) return null;
  const step = stepAt(nowMs) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code of a step (tests and the e2e journey play the authenticator app). */
export function totpCodeAt(base32: string, nowMs: number): string {
  return totpOf(base32).generate({ timestamp: nowMs });
}
