import { describe, expect, it } from 'vitest';
import { defaultRequiresTotp } from './totp-default.js';

describe('TOTP default of a profile', () => {
  it('is on in production for profiles reading special or judicial data', () => {
    expect(defaultRequiresTotp(['public', 'personal', 'special'], true, false)).toBe(true);
    expect(defaultRequiresTotp(['public', 'judicial'], true, undefined)).toBe(true);
  });
  it('follows the template otherwise', () => {
    expect(defaultRequiresTotp(['public', 'personal'], true, false)).toBe(false);
    expect(defaultRequiresTotp(['public', 'special'], false, false)).toBe(false);
    expect(defaultRequiresTotp(['public', 'special'], false, true)).toBe(true);
  });
});
