import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';

/**
 * Authenticated encryption of small secrets at rest (TOTP seeds, OIDC login state): AES-256-GCM with a
 * random 96-bit IV (NIST SP 800-38D) and associated data binding the ciphertext to its use (e.g. the
 * operator id), so a value copied to another row does not decrypt (GDPR art. 32, OWASP ASVS 6.2).
 */
const keys = new Map<string, Buffer>();

/**
 * The key: SISO_SECRET_KEY, or outside production a key generated on first use into
 * SISO_DATA_DIR/secret.key (mode 0600, created with O_EXCL so two processes agree on one key).
 */
export function secretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  if (config.secretKey) return Buffer.from(config.secretKey, 'base64');
  const file = path.join(config.dataDir, 'secret.key');
  const cached = keys.get(file);
  if (cached) return cached;
  let text: string;
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    text = crypto.randomBytes(32).toString('base64');
    fs.writeFileSync(file, `${text}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    text = fs.readFileSync(file, 'utf8').trim();
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold 32 bytes in base64`);
  keys.set(file, key);
  return key;
}

export function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** The plaintext, or null when the value was tampered with, bound to other data or sealed with another key. */
export function open(key: Buffer, sealed: string, aad: string): string | null {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
