import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import { GENESIS_HASH, linkHash, type HashableAuditRow } from './audit-hash.js';
import { checkpointSignatureValid, latestCheckpoint, type AuditCheckpoint } from './audit-checkpoint.js';

const BATCH = 500;
// Arbitrary constant: one sealer at a time across processes (advisory lock, released on commit).
export const SEAL_LOCK = 7_352_002;

/**
 * Seals committed audit rows into their chains (architecture: "a sealer computes each row's hash over
 * its content and the previous sealed row's hash"). Chain order is sealing order: a row whose
 * transaction commits late is simply appended later, so no committed row can be skipped.
 * Returns the number of rows sealed.
 */
export async function sealAudit(db: Kysely<DB>, maxRows = 10_000, opts: { full?: boolean } = {}): Promise<number> {
  let sealed = 0;
  let after = 0;
  while (sealed < maxRows) {
    const b = await db.transaction().execute((tx) => sealBatch(tx, opts.full ?? false, after));
    sealed += b.n;
    if (b.n < BATCH) break;
    after = b.last;
  }
  await mergeGinPending(db);
  return sealed;
}

/**
 * The GIN indexes of audit_event (subjects, targets) take new entries into a pending list, merged into
 * the index when the list exceeds gin_pending_list_limit — by the request whose insert crossed it,
 * which then waits for the whole merge (200 ms at 2 million rows, seconds once the index no longer fits
 * in memory; bench/access). The sealer, already running after commits off the request path, merges
 * them every GIN_MERGE_EVERY_MS instead, so requests only append. Merging needs the tables' owner (as
 * VACUUM does): where the application's role does not own them, requests and autovacuum merge, as
 * PostgreSQL does by default. A failed merge never fails sealing.
 */
const GIN_INDEXES = ['audit_event_subjects_idx', 'audit_event_targets_idx'];
const GIN_MERGE_EVERY_MS = 5_000;
let ginMergedAt = 0;
let ginMergeAllowed = true;

async function mergeGinPending(db: Kysely<DB>): Promise<void> {
  if (!ginMergeAllowed || Date.now() - ginMergedAt < GIN_MERGE_EVERY_MS) return;
  ginMergedAt = Date.now();
  try {
    await sql`SELECT gin_clean_pending_list(i::regclass) FROM unnest(${GIN_INDEXES}::text[]) AS i`.execute(db);
  } catch (err) {
    // Not the owner (42501), or no such index (42704, 42P01): stop trying in this process.
    if (['42501', '42704', '42P01'].includes((err as { code?: string }).code ?? '')) ginMergeAllowed = false;
  }
}

/**
 * Seals pending rows inside a transaction the caller already holds (audit.verify runs in the request's
 * transaction: on the embedded database a second connection would wait for this one).
 */
export async function sealPendingIn(tx: Transaction<DB>, maxRows = 100_000): Promise<number> {
  let sealed = 0;
  let after = 0;
  while (sealed < maxRows) {
    const b = await sealBatch(tx, true, after);
    sealed += b.n;
    if (b.n < BATCH) break;
    after = b.last;
  }
  return sealed;
}

/**
 * Rows committed out of sequence order are almost always this close behind the newest seal (requests are
 * short); the after-commit sealer looks only there, so a pass costs the same at 10 rows or 10 million.
 * The scheduled `audit.seal` job and audit.verify scan everything (`full`), catching any straggler.
 */
const RECENT_WINDOW = 2_000;

/**
 * One batch, in the caller's transaction: the BATCH oldest unsealed rows with seq > `after` (the last
 * row of the previous batch of the same pass: a pass never rescans what it has just sealed; a straggler
 * behind it waits for the next pass). 0 rows when another sealer holds the lock.
 */
async function sealBatch(tx: Transaction<DB>, full: boolean, after: number): Promise<{ n: number; last: number }> {
  const locked = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS ok`.execute(tx);
  if (!locked.rows[0]?.ok) return { n: 0, last: after };
  // The lower bound is a parameter, known when the statement is planned, and bounds BOTH sides of the
  // anti-join (PostgreSQL does not carry e.seq > x over to s.seq): with the bound only on audit_event,
  // the merge anti-join read audit_seal's primary key from its first entry, every pass — a pass cost
  // grew with the log (bench/access, "volume"). The pending seqs are found on the two primary keys
  // alone (index-only), and only those rows are read from the heap.
  let from = after;
  if (!full) {
    const top = await sql<{ seq: number | null }>`SELECT max(seq) AS seq FROM audit_seal`.execute(tx);
    from = Math.max(after, Number(top.rows[0]?.seq ?? 0) - RECENT_WINDOW);
  }
  // A full pass reads both primary keys end to end. A parallel plan would have every worker read all of
  // audit_seal's (the inner side of the merge): twice the work for the same answer. For this statement
  // only, since audit.verify runs it inside the request's transaction.
  let serial: string | null = null;
  if (full) {
    serial = (await sql<{ was: string }>`SELECT current_setting('max_parallel_workers_per_gather') AS was`.execute(tx)).rows[0]!.was;
    await sql`SELECT set_config('max_parallel_workers_per_gather', '0', true)`.execute(tx);
  }
  const rows = await sql<HashableAuditRow>`
    SELECT e.* FROM audit_event e
     WHERE e.seq = ANY (ARRAY(
       SELECT u.seq FROM audit_event u
        WHERE u.seq > ${from} AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = u.seq AND s.seq > ${from})
        ORDER BY u.seq LIMIT ${BATCH}))
     ORDER BY e.seq`.execute(tx);
  if (serial !== null) await sql`SELECT set_config('max_parallel_workers_per_gather', ${serial}, true)`.execute(tx);
  if (rows.rows.length === 0) return { n: 0, last: after };
  const chains = [...new Set(rows.rows.map((r) => r.chain_key))];
  // The head of a chain is its last seal, or its latest checkpoint when pruning removed every seal.
  // One index probe per chain (audit_seal's unique (chain_key, chain_pos)), never a scan of the chain.
  const heads = await sql<{ chain_key: string; chain_pos: number; hash: string }>`
    SELECT c.chain_key, h.chain_pos, h.hash
      FROM unnest(${chains}::text[]) AS c(chain_key)
      CROSS JOIN LATERAL (
        SELECT chain_pos, hash FROM (
          (SELECT chain_pos, hash FROM audit_seal s WHERE s.chain_key = c.chain_key ORDER BY chain_pos DESC LIMIT 1)
          UNION ALL
          (SELECT chain_pos, hash FROM audit_checkpoint k WHERE k.chain_key = c.chain_key ORDER BY chain_pos DESC LIMIT 1)
        ) x ORDER BY chain_pos DESC LIMIT 1) h`.execute(tx);
  const head = new Map(heads.rows.map((h) => [h.chain_key, { pos: Number(h.chain_pos), hash: h.hash }]));
  const seals = rows.rows.map((row) => {
    const prev = head.get(row.chain_key) ?? { pos: 0, hash: GENESIS_HASH };
    const pos = prev.pos + 1;
    const hash = linkHash(prev.hash, pos, row);
    head.set(row.chain_key, { pos, hash });
    return { seq: Number(row.seq), chain_key: row.chain_key, chain_pos: pos, prev_hash: prev.hash, hash };
  });
  await tx.insertInto('audit_seal').values(seals).execute();
  return { n: seals.length, last: seals[seals.length - 1]!.seq };
}

export interface ChainVerification {
  chainKey: string;
  rows: number;
  ok: boolean;
  /** The retention checkpoint the chain starts from, if rows were pruned. */
  checkpoint: AuditCheckpoint | null;
  /** The first broken link: where the stored hash no longer matches the rows. */
  firstBroken: { chainPos: number; seq: number | null; reason: string } | null;
}

/**
 * Recomputes every link of a chain; reports the first one that does not match. After a retention prune
 * the chain starts from the latest checkpoint (its position and hash) once its HMAC signature checks out;
 * without the key a checkpointed chain cannot be trusted, so it is reported as broken.
 */
export async function verifyChain(db: Kysely<DB>, chainKey: string, key?: Buffer): Promise<ChainVerification> {
  const checkpoint = await latestCheckpoint(db, chainKey);
  const fromPos = checkpoint?.chainPos ?? 0;
  if (checkpoint && (!key || !checkpointSignatureValid(key, checkpoint))) {
    return { chainKey, rows: 0, ok: false, checkpoint, firstBroken: { chainPos: checkpoint.chainPos, seq: null, reason: 'checkpoint con firma non valida' } };
  }
  const rows = await sql<HashableAuditRow & { chain_pos: number; prev_hash: string; hash: string; seal_seq: number }>`
    SELECT s.seq AS seal_seq, s.chain_pos, s.prev_hash, s.hash, e.*
      FROM audit_seal s LEFT JOIN audit_event e ON e.seq = s.seq
     WHERE s.chain_key = ${chainKey} AND s.chain_pos > ${fromPos} ORDER BY s.chain_pos`.execute(db);
  let prevHash = checkpoint?.hash ?? GENESIS_HASH;
  let expectedPos = fromPos + 1;
  for (const r of rows.rows) {
    const pos = Number(r.chain_pos);
    const broken = (reason: string): ChainVerification => ({
      chainKey,
      rows: rows.rows.length,
      ok: false,
      checkpoint,
      firstBroken: { chainPos: pos, seq: Number(r.seal_seq), reason },
    });
    if (pos !== expectedPos) return broken('posizione mancante nella catena');
    if (r.action === null) return broken('riga di audit rimossa');
    if (r.prev_hash !== prevHash) return broken('collegamento al precedente non corrispondente');
    if (linkHash(prevHash, pos, r) !== r.hash) return broken('contenuto modificato');
    prevHash = r.hash;
    expectedPos += 1;
  }
  return { chainKey, rows: rows.rows.length, ok: true, checkpoint, firstBroken: null };
}
