import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('login throttle', () => {
  it('allows 10 failures a minute per IP and username, then asks to wait', () => {
    const t = new LoginThrottle();
    const now = 1_000_000;
    for (let i = 0; i < 10; i++) {
      expect(t.retryAfter('10.0.0.1', 'Anna', now + i)).toBe(0);
      t.failed('10.0.0.1', 'anna', now + i);
    }
    expect(t.retryAfter('10.0.0.1', 'ANNA', now + 10)).toBeGreaterThan(50);
    expect(t.retryAfter('10.0.0.2', 'anna', now + 10)).toBe(0);
    expect(t.retryAfter('10.0.0.1', 'anna', now + 60_001)).toBe(0);
  });

  it('allows 50 failures a minute per IP whatever the username', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 50; i++) t.failed('10.0.0.1', `user${i}`, 0);
    expect(t.retryAfter('10.0.0.1', 'someone-else', 1)).toBeGreaterThan(0);
  });
});
