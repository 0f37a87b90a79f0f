import type { AppServices } from '../app-services.js';

/**
 * Rate limit of failed logins (OWASP ASVS 2.2.1, anti-automation): at most 10 failures a minute per
 * client IP and username, and 50 per IP (password spraying). Kept in memory, so the limit is per
 * process: with several instances behind a balancer each counts on its own (the account lockout in
 * the database is the shared backstop).
 */
const WINDOW_MS = 60_000;
const PER_IP_USER = 10;
const PER_IP = 50;

class SlidingCounter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly limit: number) {}

  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }

  /** Seconds until another attempt is allowed, or 0. */
  retryAfter(key: string, now: number): number {
    const list = this.recent(key, now);
    if (list.length < this.limit) return 0;
    return Math.max(1, Math.ceil((list[list.length - this.limit]! + WINDOW_MS - now) / 1000));
  }

  add(key: string, now: number): void {
    if (this.hits.size > 50_000) this.hits.clear(); // bounded memory under a flood
    this.hits.set(key, [...this.recent(key, now), now]);
  }
}

export class LoginThrottle {
  private readonly byIpUser = new SlidingCounter(PER_IP_USER);
  private readonly byIp = new SlidingCounter(PER_IP);

  retryAfter(ip: string, username: string, now = Date.now()): number {
    return Math.max(this.byIpUser.retryAfter(`${ip}\n${username.toLowerCase()}`, now), this.byIp.retryAfter(ip, now));
  }

  failed(ip: string, username: string, now = Date.now()): void {
    this.byIpUser.add(`${ip}\n${username.toLowerCase()}`, now);
    this.byIp.add(ip, now);
  }
}

const throttles = new WeakMap<AppServices, LoginThrottle>();

/** One throttle per running app (tests start several apps in one process). */
export function loginThrottle(services: AppServices): LoginThrottle {
  let t = throttles.get(services);
  if (!t) throttles.set(services, (t = new LoginThrottle()));
  return t;
}
