import crypto from 'node:crypto';
import type { Config } from '../../config/config.js';
import { secretKey } from '../../auth/secret-box.js';

/**
 * Search before create (issue 4, point 1): persons.find hands out a token that persons.create
 * requires, bound to the operator and valid for 30 minutes. It proves a search was made, not what
 * it found — the unique index on (ambito, fiscal code) is what stops exact duplicates.
 */
const VALID_MS = 30 * 60 * 1000;

// Derived once per secret: every search hands out a token, and HKDF is not free.
const keys = new Map<string, Buffer>();
function key(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  const secret = secretKey(config);
  const id = secret.toString('base64');
  let k = keys.get(id);
  if (!k) {
    k = Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), 'siso person search token v1', 32));
    keys.set(id, k);
  }
  return k;
}

function mac(config: Pick<Config, 'secretKey' | 'dataDir'>, operatorId: string, at: number): string {
  return crypto.createHmac('sha256', key(config)).update(`${operatorId}.${at}`).digest('base64url');
}

export function issueSearchToken(config: Pick<Config, 'secretKey' | 'dataDir'>, operatorId: string, now = Date.now()): string {
  return `${now.toString(36)}.${mac(config, operatorId, now)}`;
}

export function isValidSearchToken(config: Pick<Config, 'secretKey' | 'dataDir'>, operatorId: string, token: string, now = Date.now()): boolean {
  const [atText, sig] = token.split('.');
  const at = Number.parseInt(atText ?? '', 36);
  if (!sig || !Number.isFinite(at) || at > now + 60_000 || now - at > VALID_MS) return false;
  const expected = Buffer.from(mac(config, operatorId, at));
  const given = Buffer.from(sig);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
