/**
 * bench/access, audit at volume: pre-fills the audit log with a realistic mix of rows generated inside
 * PostgreSQL, and probes what an audited request pays for the audit row and what the sealer costs once
 * the log holds millions of rows (production keeps ≥ 24 months, tens of millions of rows).
 */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/db/types.js';
import type { Actor } from '../../apps/server/src/access/actor.js';
import { writeAudit } from '../../apps/server/src/audit/audit-writer.js';
import { sealAudit, verifyChain } from '../../apps/server/src/audit/audit-sealer.js';
import { signCheckpoint } from '../../apps/server/src/audit/audit-checkpoint.js';
import { percentile } from '../lib/load.js';

const CHUNK = 100_000;

/**
 * Appends `rows` audit rows spread over the past 24 months, in seq order, over the chains of the demo
 * region (every ambito, and the installation chain for a tenth). The mix follows what the modules write:
 * 60% reads of one person (one subject, one target), 20% lists (10–50 subjects, no target), 12% changes
 * (one subject and target, classes changed, details), 5% actions without personal data, 2.9% denials,
 * 0.1% break-the-glass openings (with their reason as purpose).
 * Subjects are drawn from the fixture records (so "who read my file" finds real histories), operators
 * from 300 synthetic ids.
 *
 * Sealing is done "as the sealer expects" but without the hashing: every row gets its link in
 * audit_seal (chain positions contiguous after the chain's current head, prev_hash = previous link's
 * hash) with a synthetic hash, and a signed retention checkpoint is written at each chain's last
 * prefilled link — exactly what `audit.prune` writes — so `verifyChain` starts after the prefill and the
 * chains still verify; the sealer's head probe sees a chain millions of links long.
 */
export async function prefillAudit(db: Kysely<DB>, rows: number, key: Buffer, log: (m: string) => void): Promise<void> {
  // Nothing pending: the prefill's links must follow every link sealed so far.
  await sealAudit(db, 10_000_000, { full: true });
  const t0 = Date.now();
  for (let done = 0; done < rows; done += CHUNK) {
    const n = Math.min(CHUNK, rows - done);
    // g runs over the whole prefill so that occurred_at grows with seq (oldest first, 730 days ago).
    // Draws are hashes of g, so a run is reproducible; lookups are array subscripts (O(1)).
    await sql`
      WITH pp AS (SELECT array_agg(id ORDER BY id) AS ids FROM fixture_record),
           oo AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(ente_id ORDER BY id) AS entes,
                         array_agg(ambito_id ORDER BY id) AS ambiti FROM office WHERE ambito_id IS NOT NULL),
           -- 300 operators (the demo seed has a dozen; an installation has hundreds): ids need not exist.
           op AS (SELECT array_agg(md5('bench-operator-' || i)::uuid) AS ids FROM generate_series(1, 300) i)
      INSERT INTO audit_event (chain_key, occurred_at, action, outcome, error_code, operator_id, ambito_id, ente_id,
                               office_id, profiles, request_id, client_ip, subject_people, targets, classes_read,
                               classes_changed, purpose, details)
      SELECT CASE WHEN r.inst THEN 'installation' ELSE oo.ambiti[r.o]::text END,
             now() - make_interval(secs => (${rows} - g) * (730 * 86400.0 / ${rows})),
             CASE r.kind WHEN 'get' THEN 'persons.get' WHEN 'list' THEN 'persons.find' WHEN 'change' THEN 'persons.update'
                         WHEN 'plain' THEN 'organisation.tree' WHEN 'breakglass' THEN 'breakGlass.open' ELSE 'persons.get' END,
             CASE WHEN r.kind = 'denied' THEN 'denied' ELSE 'ok' END,
             CASE WHEN r.kind = 'denied' THEN 'not_found' END,
             CASE WHEN r.inst THEN NULL ELSE op.ids[1 + (hashint8(g * 7) & 2147483647) % cardinality(op.ids)] END,
             CASE WHEN r.inst THEN NULL ELSE oo.ambiti[r.o] END,
             CASE WHEN r.inst THEN NULL ELSE oo.entes[r.o] END,
             CASE WHEN r.inst THEN NULL ELSE oo.ids[r.o] END,
             ARRAY['assistente_sociale'],
             md5('req' || g),
             '10.0.' || (g % 200) || '.' || (g % 250),
             s.people,
             CASE WHEN r.kind IN ('get', 'change', 'breakglass') THEN jsonb_build_array(jsonb_build_object('kind', 'person', 'id', s.people[1])) ELSE '[]'::jsonb END,
             CASE WHEN r.kind IN ('get', 'list') THEN ARRAY['public', 'personal'] ELSE '{}' END,
             CASE WHEN r.kind = 'change' THEN ARRAY['personal'] ELSE '{}' END,
             CASE WHEN r.kind = 'breakglass' THEN 'Urgenza: segnalazione del pronto soccorso, scheda sanitaria necessaria' END,
             CASE r.kind WHEN 'list' THEN jsonb_build_object('mode', 'name', 'results', cardinality(s.people))
                         WHEN 'change' THEN jsonb_build_object('changes', jsonb_build_object('phone', jsonb_build_object('old', '0801234567', 'new', '0807654321')))
                         ELSE '{}'::jsonb END
        FROM pp, oo, op, generate_series(${done + 1}::bigint, ${done + n}::bigint) g
        CROSS JOIN LATERAL (SELECT (hashint8(g * 3) & 2147483647) / 2147483648.0 AS x) rx
        CROSS JOIN LATERAL (
          SELECT (hashint8(g * 5) & 2147483647) % 10 = 0 AS inst,
                 1 + (hashint8(g * 11) & 2147483647) % cardinality(oo.ids) AS o,
                 CASE WHEN rx.x < 0.60 THEN 'get' WHEN rx.x < 0.80 THEN 'list' WHEN rx.x < 0.92 THEN 'change'
                      WHEN rx.x < 0.97 THEN 'plain' WHEN rx.x < 0.999 THEN 'denied' ELSE 'breakglass' END AS kind) r
        CROSS JOIN LATERAL (
          SELECT ARRAY(SELECT pp.ids[1 + (hashint8(g * 100 + k) & 2147483647) % cardinality(pp.ids)]
                         FROM generate_series(1, CASE r.kind WHEN 'list' THEN 10 + (hashint8(g * 13) & 2147483647) % 41
                                                             WHEN 'get' THEN 1 WHEN 'change' THEN 1 WHEN 'breakglass' THEN 1 ELSE 0 END) k) AS people) s`.execute(db);
    await sealPrefill(db);
    log(`  audit prefill: ${(done + n).toLocaleString('en')} / ${rows.toLocaleString('en')} rows (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  // The retention checkpoint at the last prefilled link of each chain, signed like audit.prune signs it.
  const heads = await sql<{ chain_key: string; chain_pos: string; hash: string }>`
    SELECT DISTINCT ON (chain_key) chain_key, chain_pos, hash FROM audit_seal ORDER BY chain_key, chain_pos DESC`.execute(db);
  for (const h of heads.rows) {
    const c = { chainKey: h.chain_key, chainPos: Number(h.chain_pos), hash: h.hash, rowsPruned: 0, signedAt: new Date() };
    await db
      .insertInto('audit_checkpoint')
      .values({ chain_key: c.chainKey, chain_pos: c.chainPos, hash: c.hash, rows_pruned: 0, signed_at: c.signedAt, signature: signCheckpoint(key, c) })
      .execute();
  }
  // Steady state of a long-lived table (autovacuum may be off on the bench server): visibility map set,
  // statistics current, GIN pending lists merged.
  await sql`VACUUM (ANALYZE) audit_event, audit_seal, audit_checkpoint`.execute(db);
  log(`  audit prefill done in ${((Date.now() - t0) / 1000).toFixed(0)} s (insert, link, vacuum)`);
  for (const h of heads.rows) {
    const v = await verifyChain(db, h.chain_key, key);
    if (!v.ok) throw new Error(`prefilled chain ${h.chain_key} does not verify: ${JSON.stringify(v.firstBroken)}`);
  }
}

/** Links every unsealed row in seq order after its chain's head, with a synthetic hash (see above). */
async function sealPrefill(db: Kysely<DB>): Promise<void> {
  await sql`
    WITH pending AS (
      SELECT e.seq, e.chain_key, row_number() OVER (PARTITION BY e.chain_key ORDER BY e.seq) AS k,
             encode(sha256(('bench-prefill:' || e.seq)::bytea), 'hex') AS hash
        FROM audit_event e WHERE e.seq > (SELECT max(seq) FROM audit_seal)),
    heads AS (
      SELECT c.chain_key, coalesce(h.chain_pos, 0) AS pos, coalesce(h.hash, ${'0'.repeat(64)}) AS hash
        FROM (SELECT DISTINCT chain_key FROM pending) c
        LEFT JOIN LATERAL (SELECT chain_pos, hash FROM audit_seal s WHERE s.chain_key = c.chain_key ORDER BY chain_pos DESC LIMIT 1) h ON true)
    INSERT INTO audit_seal (seq, chain_key, chain_pos, prev_hash, hash)
    SELECT p.seq, p.chain_key, h.pos + p.k,
           coalesce(lag(p.hash) OVER (PARTITION BY p.chain_key ORDER BY p.k), h.hash), p.hash
      FROM pending p JOIN heads h USING (chain_key)`.execute(db);
}

/** Size of audit_event, audit_seal and each of their indexes (MB). */
export async function auditSizes(db: Kysely<DB>): Promise<Array<{ name: string; mb: number }>> {
  const r = await sql<{ name: string; bytes: string }>`
    SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes
      FROM pg_class c
     WHERE c.relname IN ('audit_event', 'audit_seal')
        OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('audit_event'::regclass, 'audit_seal'::regclass))
     ORDER BY c.relkind DESC, pg_relation_size(c.oid) DESC`.execute(db);
  return r.rows.map((x) => ({ name: x.name, mb: Number(x.bytes) / 1048576 }));
}

export interface InsertProbe {
  kind: string;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  walBytes: number;
}

/**
 * The audit row of a query alone, as the pipeline writes it (writeAudit, autocommit, one fsync each,
 * then `afterCommit` to wake the sealer as the pipeline does): `count` inserts of a one-record read and
 * of a 50-row list, subjects drawn at random from the people, latency percentiles (p99.9 and max show
 * a merge of a GIN pending list paid by an insert) and WAL bytes per row. Sequential, so the figures
 * are the row's own cost.
 */
export async function probeAuditInserts(db: Kysely<DB>, actor: Actor, people: string[], count: number, afterCommit: () => void): Promise<InsertProbe[]> {
  const out: InsertProbe[] = [];
  const pick = () => people[crypto.randomInt(people.length)]!;
  for (const kind of ['get', 'list'] as const) {
    const lsn0 = await walLsn(db);
    const lat: number[] = [];
    for (let i = 0; i < count; i++) {
      const subjects = kind === 'get' ? [pick()] : Array.from({ length: 50 }, pick);
      const t0 = process.hrtime.bigint();
      await writeAudit(db, {
        action: kind === 'get' ? 'fixtures.getRecord' : 'fixtures.findRecords',
        outcome: 'ok',
        actor,
        requestId: crypto.randomUUID(),
        clientIp: '127.0.0.1',
        subjectPeople: subjects,
        ...(kind === 'get' ? { targets: [{ kind: 'fixtureRecord', id: subjects[0]! }] } : {}),
        classesRead: ['public', 'personal'],
      });
      lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
      afterCommit();
    }
    const walBytes = (await walLsn(db)) - lsn0;
    lat.sort((a, b) => a - b);
    const mean = lat.reduce((a, b) => a + b, 0) / lat.length;
    out.push({ kind, mean, p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), p999: percentile(lat, 99.9), max: lat.at(-1)!, walBytes: walBytes / count });
  }
  return out;
}

async function walLsn(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ b: string }>`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') AS b`.execute(db);
  return Number(r.rows[0]!.b);
}

export interface SealerFigures {
  rows: number;
  rowsPerSec: number;
  /** One after-commit pass (recent window) with nothing to seal. */
  idlePassMs: number;
  /** One full pass (audit.seal job, audit.verify) with nothing to seal. */
  fullIdlePassMs: number;
}

/**
 * Sealer throughput: `n` audited rows left by requests (inserted in one statement), then timed while
 * the after-commit sealer links them; plus the cost of a pass that finds nothing, windowed and full.
 */
export async function measureSealer(db: Kysely<DB>, n: number): Promise<SealerFigures> {
  await sealAudit(db, 10_000_000, { full: true });
  await sql`
    WITH pp AS (SELECT array_agg(id ORDER BY id) AS ids FROM fixture_record),
         aa AS (SELECT array_agg(id::text ORDER BY id) AS ids FROM ambito)
    INSERT INTO audit_event (chain_key, action, outcome, operator_id, request_id, subject_people, targets)
    SELECT aa.ids[1 + g % cardinality(aa.ids)], 'fixtures.getRecord', 'ok', NULL, md5('seal' || g), ARRAY[p.id],
           jsonb_build_array(jsonb_build_object('kind', 'fixtureRecord', 'id', p.id))
      FROM pp, aa, generate_series(1, ${n}) g
      CROSS JOIN LATERAL (SELECT pp.ids[1 + (hashint8(g) & 2147483647) % cardinality(pp.ids)] AS id) p`.execute(db);
  const t0 = process.hrtime.bigint();
  const sealed = await sealAudit(db, 10_000_000);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const timed = async (full: boolean): Promise<number> => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      await sealAudit(db, 10_000_000, { full });
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return ms.sort((a, b) => a - b)[2]!;
  };
  return { rows: sealed, rowsPerSec: sealed / secs, idlePassMs: await timed(false), fullIdlePassMs: await timed(true) };
}
