/**
 * bench/intake data: the person-search organisation and people (10 ambiti of 5 enti, the synthetic
 * generator's households, bench/person-search/data.ts), then the desks' history of schede written
 * by set-based SQL (schede-sql.ts): an operator pool per desk, N schede over ~5 years, their
 * per-ente numbering counters, the proposals to take charge and the sends between desks. The
 * secondary indexes of the bulk-loaded tables are dropped during the load and rebuilt from their own
 * definitions, so what migration 0009 (and later ones) define is what gets measured; then ANALYZE.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type pg from 'pg';
import { readFingerprint } from '../lib/bench-database.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/db/types.js';
import { ensureOrganisation, loadPeople } from '../person-search/data.js';
import {
  CREATE_ENTE_PEOPLE,
  CREATE_SLOTS,
  generateStage,
  INSERT_COUNTERS,
  INSERT_PROPOSALS,
  INSERT_SCHEDE,
  INSERT_TRANSFERS,
  RECORDING,
} from './schede-sql.js';

/** Bump when the rows this file (or schede-sql.ts) produces change: the bench databases are rebuilt. */
const DATA_VERSION = 2;
const META = 'bench_intake_meta';
/** Operators per desk (the pool the schede's operator is drawn from). */
const OPERATORS_PER_DESK = 4;
/** Schede generated per statement: keeps each transaction's memory and WAL bounded. */
const BATCH = 500_000;

export interface Volumes {
  people: number;
  schede: number;
}

export function fingerprint(v: Volumes): string {
  const h = crypto.createHash('sha256').update(`v${DATA_VERSION} people ${v.people} schede ${v.schede}\n`);
  const dir = new URL('../../apps/server/src/db/migrations/', import.meta.url);
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) h.update(f).update(fs.readFileSync(new URL(f, dir)));
  for (const f of ['schede-sql.ts', '../person-search/data.ts']) h.update(fs.readFileSync(new URL(f, import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

export async function storedFingerprint(pool: pg.Pool | pg.Client): Promise<string | null> {
  return readFingerprint(pool, META);
}

async function storeFingerprint(pool: pg.Pool, value: string): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${META} (key text PRIMARY KEY, value text NOT NULL)`);
  await pool.query(`INSERT INTO ${META} (key, value) VALUES ('fingerprint', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [value]);
  await pool.query(`INSERT INTO ${META} (key, value) VALUES ('loaded_at', now()::text) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
}

/**
 * Removes the schede earlier runs saved (the save workload writes today's schede into the measured
 * desk: left there, every run would find a longer "today" list than the last).
 */
export async function removeSavedSchede(pool: pg.Pool): Promise<number> {
  const r = await pool.query(
    `DELETE FROM intake_record WHERE created_at > (SELECT value::timestamptz FROM ${META} WHERE key = 'loaded_at')`,
  );
  return r.rowCount ?? 0;
}

const secs = (t0: number) => ((Date.now() - t0) / 1000).toFixed(0);

/**
 * The desks that record schede (by RECORDING weight) in the bench's enti, each with a pool of
 * synthetic operators plus the demo personas assigned there.
 */
async function createDesks(client: pg.PoolClient, ambitoIds: string[]): Promise<number> {
  await client.query('DROP TABLE IF EXISTS bench_desk');
  await client.query(
    `CREATE UNLOGGED TABLE bench_desk (office_id uuid, ente_id uuid, ambito_id uuid, kind text, weight int, regione_id uuid, ops uuid[])`,
  );
  // CREATE TABLE AS takes no bind parameters: filled by an INSERT.
  await client.query(
    `INSERT INTO bench_desk
     SELECT o.id AS office_id, o.ente_id, o.ambito_id, o.type AS kind, w.weight, e.regione_id, ARRAY[]::uuid[] AS ops
       FROM office o JOIN ente e ON e.id = o.ente_id
       JOIN unnest($2::text[], $3::int[]) AS w(type, weight) ON w.type = o.type
      WHERE e.kind = 'comune' AND o.ambito_id = ANY($1::uuid[])`,
    [ambitoIds, RECORDING.map((r) => r[0]), RECORDING.map((r) => r[1])],
  );
  await client.query(
    `INSERT INTO operator (id, regione_id, username, given_name, family_name)
     SELECT gen_random_uuid(), d.regione_id, 'bench-' || left(d.office_id::text, 13) || '-' || k, 'Operatore', 'Sportello ' || k
       FROM bench_desk d, generate_series(1, ${OPERATORS_PER_DESK}) k
     ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `UPDATE bench_desk d SET ops = (
       SELECT array_agg(o.id) FROM operator o
        WHERE o.username LIKE 'bench-' || left(d.office_id::text, 13) || '-%'
           OR o.id IN (SELECT a.operator_id FROM assignment a WHERE a.office_id = d.office_id))`,
  );
  return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_desk')).rows[0]!.n;
}

export async function loadSchede(pool: pg.Pool, ambitoIds: string[], count: number, log: (m: string) => void): Promise<void> {
  const t0 = Date.now();
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET work_mem = '256MB'`);
    const desks = await createDesks(client, ambitoIds);
    // FK checks off for the bulk load only: every reference is built from existing rows.
    await client.query(`SET session_replication_role = replica`);
    const tables = ['intake_record', 'intake_transfer', 'take_charge_proposal'];
    const indexes = (
      await client.query<{ indexname: string; indexdef: string }>(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [tables],
      )
    ).rows;
    for (const i of indexes) await client.query(`DROP INDEX ${i.indexname}`);
    for (const t of ['bench_slot', 'bench_ente_person', 'bench_ente_count', 'bench_stage']) await client.query(`DROP TABLE IF EXISTS ${t}`);
    await client.query(CREATE_SLOTS);
    const slots = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_slot')).rows[0]!.n;
    await client.query(CREATE_ENTE_PEOPLE);
    log(`  ${desks} desks (${slots} weighted slots), people numbered per ente in ${secs(t0)} s`);
    // Numbers are per ente and year over the whole history: stage everything, then number it once.
    for (let done = 0; done < count; done += BATCH) {
      const n = Math.min(BATCH, count - done);
      await client.query(generateStage(n, slots, done === 0));
      log(`  staged ${done + n} schede (${secs(t0)} s)`);
    }
    await client.query(INSERT_SCHEDE);
    log(`  ${count} schede written (${secs(t0)} s)`);
    await client.query(INSERT_COUNTERS);
    await client.query(INSERT_PROPOSALS);
    await client.query(INSERT_TRANSFERS);
    await client.query(`SET session_replication_role = origin`);
    const t1 = Date.now();
    for (const i of indexes) await client.query(i.indexdef);
    log(`  ${indexes.length} indexes rebuilt in ${secs(t1)} s`);
    for (const t of ['bench_slot', 'bench_ente_person', 'bench_ente_count', 'bench_stage']) await client.query(`DROP TABLE IF EXISTS ${t}`);
    for (const t of [...tables, 'intake_counter', 'operator']) await client.query(`VACUUM ANALYZE ${t}`);
    const n = await client.query<{ p: number; t: number }>(`SELECT (SELECT count(*)::int FROM take_charge_proposal) AS p, (SELECT count(*)::int FROM intake_transfer) AS t`);
    log(`  ${count} schede, ${n.rows[0]!.p} proposals, ${n.rows[0]!.t} sends in ${secs(t0)} s`);
  } finally {
    await client.query(`SET session_replication_role = origin`).catch(() => undefined);
    client.release();
  }
}

/** Organisation, people and schede, unless the database already holds this fingerprint's data. */
export async function ensureData(db: Kysely<DB>, pool: pg.Pool, v: Volumes, log: (m: string) => void): Promise<boolean> {
  const ambiti = await ensureOrganisation(db);
  const want = fingerprint(v);
  if ((await storedFingerprint(pool)) === want) return false;
  const have = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM intake_record')).rows[0]!.n;
  if (have > 0) throw new Error('intake_record is not empty but the bench fingerprint is missing: drop the bench database');
  const t0 = Date.now();
  if ((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person')).rows[0]!.n === 0) {
    await loadPeople(pool, ambiti, v.people, log);
    log(`  people in ${secs(t0)} s`);
  }
  await loadSchede(pool, ambiti.map((a) => a.id), v.schede, log);
  await storeFingerprint(pool, want);
  return true;
}
