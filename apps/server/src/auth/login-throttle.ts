import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AppServices } from '../app-services.js';
import type { DB } from '../db/types.js';
import { secretKey } from './secret-box.js';

/**
 * Rate limit of failed logins (OWASP ASVS 2.2.1, anti-automation): at most 10 failures a minute per
 * client IP and username, and 50 per IP (password spraying), over a sliding window. Kept in the
 * database (`login_failure`, migration 0006), so every instance behind a balancer counts the same
 * failures; the account lockout remains the per-account backstop. Check and count are not one atomic
 * step: a burst of concurrent attempts can overshoot by the few in flight, as with any rate limiter.
 *
 * Keys are HMACs (key derived from SISO_SECRET_KEY, which every instance shares anyway for TOTP), so
 * client addresses and usernames are not stored in clear (GDPR art. 5(1)(c), data minimisation).
 */
export const WINDOW_SECONDS = 60;
const PER_IP_USER = 10;
const PER_IP = 50;

export class LoginThrottle {
  constructor(private readonly key: Buffer) {}

  private hash(text: string): string {
    return crypto.createHmac('sha256', this.key).update(text).digest('hex');
  }

  private keys(ip: string, username: string): { ipUser: string; ip: string } {
    return { ipUser: this.hash(`ip-user\n${ip}\n${username.toLowerCase()}`), ip: this.hash(`ip\n${ip}`) };
  }

  /** Seconds until another attempt is allowed, or 0: the wait for the oldest failure that fills a limit to leave the window. */
  async retryAfter(db: Kysely<DB>, ip: string, username: string): Promise<number> {
    const k = this.keys(ip, username);
    const window = sql`now() - make_interval(secs => ${WINDOW_SECONDS})`;
    const nth = (key: string, limit: number) =>
      sql`(SELECT at FROM login_failure WHERE key_hash = ${key} AND at > ${window} ORDER BY at DESC OFFSET ${limit - 1} LIMIT 1)`;
    const r = await sql<{ wait: number | null }>`
      SELECT ceil(extract(epoch FROM GREATEST(${nth(k.ipUser, PER_IP_USER)}, ${nth(k.ip, PER_IP)})
                  + make_interval(secs => ${WINDOW_SECONDS}) - now()))::int AS wait`.execute(db);
    const wait = r.rows[0]?.wait ?? null;
    return wait === null ? 0 : Math.max(1, wait);
  }

  /**
   * Counts one failure under both keys. Runs after the login's rollback (ctx.onFailure), on the
   * database outside the request transaction; the failing keys' rows older than the window go now.
   */
  async failed(db: Kysely<DB>, ip: string, username: string): Promise<void> {
    const k = this.keys(ip, username);
    await db.deleteFrom('login_failure').where('key_hash', 'in', [k.ipUser, k.ip]).where('at', '<=', sql<Date>`now() - make_interval(secs => ${WINDOW_SECONDS})`).execute();
    await db.insertInto('login_failure').values([{ key_hash: k.ipUser }, { key_hash: k.ip }]).execute();
  }
}

const throttles = new WeakMap<Pick<AppServices, 'config'>, LoginThrottle>();

/** The throttle of a running app (its HMAC key derived once); the counts themselves live in the database. */
export function loginThrottle(services: Pick<AppServices, 'config'>): LoginThrottle {
  let t = throttles.get(services);
  if (!t) {
    const key = Buffer.from(crypto.hkdfSync('sha256', secretKey(services.config), Buffer.alloc(0), 'siso login throttle v1', 32));
    throttles.set(services, (t = new LoginThrottle(key)));
  }
  return t;
}
