import crypto from 'node:crypto';
import type { Config } from '../config/config.js';
import { secretKey } from '../auth/secret-box.js';

/**
 * The key that signs retention checkpoints (GDPR art. 32: integrity of the processing records).
 * Derived with HKDF from SISO_SECRET_KEY (or the SISO_DATA_DIR/secret.key generated outside
 * production, see auth/secret-box.ts), so the encryption key itself is never used for MACs.
 */
export function checkpointKey(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secretKey(config), Buffer.alloc(0), 'siso audit checkpoint v1', 32));
}
