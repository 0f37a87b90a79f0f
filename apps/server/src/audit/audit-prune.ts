import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { signCheckpoint } from './audit-checkpoint.js';
import { SEAL_LOCK } from './audit-sealer.js';

/** Audit rows are kept at least 24 months (architecture, "Audit"; AgID log guidelines). */
export const MIN_RETENTION_MONTHS = 24;

export interface PruneResult {
  chainKey: string;
  checkpointPos: number;
  rowsPruned: number;
}

/**
 * Prunes, chain by chain, the sealed prefix of rows that occurred before `before`, behind a signed
 * checkpoint so the remaining chain still verifies (architecture: "retention prunes only behind a
 * signed checkpoint"). One transaction per chain: checkpoint, then the deletes, which the append-only
 * trigger lets through only with `siso.audit_prune = 'on'` set locally AND a covering checkpoint.
 * The 24-month floor is the caller's rule (the job enforces it); tests prune recent rows.
 */
export async function pruneAudit(db: Kysely<DB>, opts: { before: Date; key: Buffer; chainKey?: string }): Promise<PruneResult[]> {
  const chains = opts.chainKey
    ? [opts.chainKey]
    : (await sql<{ chain_key: string }>`SELECT DISTINCT chain_key FROM audit_seal`.execute(db)).rows.map((r) => r.chain_key);
  const results: PruneResult[] = [];
  for (const chainKey of chains) {
    const r = await db.transaction().execute(async (tx) => {
      // Same lock as the sealer: no link is appended to this chain while its prefix is cut.
      await sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK})`.execute(tx);
      // The prefix ends just before the first link that is recent enough to keep (chain order is
      // sealing order, so an old row sealed late stays until the prefix reaches it).
      const cut = await sql<{ chain_pos: number; hash: string }>`
        SELECT s.chain_pos, s.hash FROM audit_seal s JOIN audit_event e ON e.seq = s.seq
         WHERE s.chain_key = ${chainKey}
           AND s.chain_pos < coalesce((SELECT min(s2.chain_pos) FROM audit_seal s2 JOIN audit_event e2 ON e2.seq = s2.seq
                                        WHERE s2.chain_key = ${chainKey} AND e2.occurred_at >= ${opts.before}), 9223372036854775807)
         ORDER BY s.chain_pos DESC LIMIT 1`.execute(tx);
      const last = cut.rows[0];
      if (!last) return null;
      const chainPos = Number(last.chain_pos);
      const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_seal WHERE chain_key = ${chainKey} AND chain_pos <= ${chainPos}`.execute(tx);
      const rowsPruned = count.rows[0]!.n;
      const signedAt = new Date();
      const unsigned = { chainKey, chainPos, hash: last.hash, rowsPruned, signedAt };
      await tx
        .insertInto('audit_checkpoint')
        .values({ chain_key: chainKey, chain_pos: chainPos, hash: last.hash, rows_pruned: rowsPruned, signed_at: signedAt, signature: signCheckpoint(opts.key, unsigned) })
        .execute();
      // The owner revoked DELETE from itself (migration 0004) and takes it back only for this
      // transaction; a role that does not own the tables cannot, and pruning is then the owner's task.
      await sql`GRANT DELETE ON audit_event, audit_seal TO CURRENT_USER`.execute(tx);
      await sql`SELECT set_config('siso.audit_prune', 'on', true)`.execute(tx);
      await sql`SET CONSTRAINTS audit_seal_seq_fkey DEFERRED`.execute(tx);
      await sql`DELETE FROM audit_event WHERE seq IN (SELECT seq FROM audit_seal WHERE chain_key = ${chainKey} AND chain_pos <= ${chainPos})`.execute(tx);
      await sql`DELETE FROM audit_seal WHERE chain_key = ${chainKey} AND chain_pos <= ${chainPos}`.execute(tx);
      await sql`REVOKE DELETE ON audit_event, audit_seal FROM CURRENT_USER`.execute(tx);
      return { chainKey, checkpointPos: chainPos, rowsPruned };
    });
    if (r) results.push(r);
  }
  return results;
}
