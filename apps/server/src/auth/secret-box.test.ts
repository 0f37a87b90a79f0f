import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, seal, secretKey } from './secret-box.js';

describe('secret box (AES-256-GCM)', () => {
  const key = crypto.randomBytes(32);

  it('round-trips, and refuses another key, other associated data or tampering', () => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP', 'totp:1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(key, sealed, 'totp:1')).toBe('JBSWY3DPEHPK3PXP');
    expect(open(key, sealed, 'totp:2')).toBeNull();
    expect(open(crypto.randomBytes(32), sealed, 'totp:1')).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x').toString('base64url') + parts[3]!.slice(2);
    expect(open(key, parts.join('.'), 'totp:1')).toBeNull();
  });

  it('generates SISO_DATA_DIR/secret.key (mode 0600) once when no key is configured', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siso-key-'));
    try {
      const k = secretKey({ secretKey: undefined, dataDir });
      expect(k).toHaveLength(32);
      const file = path.join(dataDir, 'secret.key');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(secretKey({ secretKey: undefined, dataDir }).equals(k)).toBe(true);
      expect(secretKey({ secretKey: Buffer.alloc(32, 7).toString('base64'), dataDir }).equals(Buffer.alloc(32, 7))).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
