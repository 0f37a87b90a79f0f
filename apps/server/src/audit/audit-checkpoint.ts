import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';

export interface AuditCheckpoint {
  chainKey: string;
  chainPos: number;
  hash: string;
  rowsPruned: number;
  signedAt: Date;
  signature: string;
}

/** What the HMAC covers: every column that lets the rest of the chain verify from this point. */
function signedText(c: Omit<AuditCheckpoint, 'signature'>): string {
  return ['siso-audit-checkpoint-v1', c.chainKey, String(c.chainPos), c.hash, String(c.rowsPruned), c.signedAt.toISOString()].join('\n');
}

export function signCheckpoint(key: Buffer, c: Omit<AuditCheckpoint, 'signature'>): string {
  return crypto.createHmac('sha256', key).update(signedText(c)).digest('hex');
}

export function checkpointSignatureValid(key: Buffer, c: AuditCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, c), 'hex');
  const got = Buffer.from(c.signature, 'hex');
  return got.length === expected.length && crypto.timingSafeEqual(got, expected);
}

/** The latest checkpoint of a chain: verification starts from it (architecture, "Audit": retention). */
export async function latestCheckpoint(db: Kysely<DB>, chainKey: string): Promise<AuditCheckpoint | null> {
  const r = await sql<{ chain_key: string; chain_pos: number; hash: string; rows_pruned: number; signed_at: Date; signature: string }>`
    SELECT chain_key, chain_pos, hash, rows_pruned, signed_at, signature FROM audit_checkpoint
     WHERE chain_key = ${chainKey} ORDER BY chain_pos DESC LIMIT 1`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  return {
    chainKey: row.chain_key,
    chainPos: Number(row.chain_pos),
    hash: row.hash,
    rowsPruned: Number(row.rows_pruned),
    signedAt: new Date(row.signed_at),
    signature: row.signature,
  };
}
