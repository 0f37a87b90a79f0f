import { describe, expect, it } from 'vitest';
import { acceptTotp, newTotpSecret, stepAt, totpCodeAt, totpUri } from './totp.js';

describe('TOTP (RFC 6238)', () => {
  const secret = newTotpSecret();
  const now = 1_760_000_000_000;

  it('makes 160-bit base32 secrets and an otpauth:// URI for SHA-1, 6 digits, 30 s', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'assistente'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('algorithm')).toBe('SHA1');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(uri.searchParams.get('issuer')).toBe('SISO');
  });

  it('matches the RFC 6238 appendix B vector (SHA-1, T = 59 s)', () => {
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"
    expect(totpCodeAt(rfcSecret, 59_000)).toBe('287082'); // last 6 of 94287082
  });

  it('accepts the current step and one step of drift either side, not two', () => {
    expect(acceptTotp(secret, totpCodeAt(secret, now), null, now)).toBe(stepAt(now));
    expect(acceptTotp(secret, totpCodeAt(secret, now - 30_000), null, now)).toBe(stepAt(now) - 1);
    expect(acceptTotp(secret, totpCodeAt(secret, now + 30_000), null, now)).toBe(stepAt(now) + 1);
    expect(acceptTotp(secret, totpCodeAt(secret, now - 60_000), null, now)).toBeNull();
    expect(acceptTotp(secret, totpCodeAt(secret, now + 60_000), null, now)).toBeNull();
  });

  it('refuses a step already used, or older than the last used', () => {
    const code = totpCodeAt(secret, now);
    expect(acceptTotp(secret, code, stepAt(now), now)).toBeNull();
    expect(acceptTotp(secret, totpCodeAt(secret, now - 30_000), stepAt(now), now)).toBeNull();
    expect(acceptTotp(secret, totpCodeAt(secret, now + 30_000), stepAt(now), now)).toBe(stepAt(now) + 1);
  });

  it('refuses a wrong code', () => {
    const code = totpCodeAt(secret, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(acceptTotp(secret, wrong, null, now)).toBeNull();
  });
});
