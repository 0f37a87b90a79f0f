/**
 * Bulk synthetic population for benchmarks and demos: households from the shared generator
 * (packages/shared/src/synthetic), birth places and states read from the ref_* tables, written
 * with `unnest` batches into an UNLOGGED table (default `synthetic_person`). Deterministic by
 * seed: the same seed and reference data give the same people (ids continue after existing
 * rows unless `truncate`). Generation of the next batch overlaps the insert of the previous one.
 */
import type pg from 'pg';
import { Rng, generateHousehold, type ComuneRef, type StateRef, type SyntheticContext } from '@siso/shared';

export interface GeneratePeopleOptions {
  count: number;
  seed: number;
  /** Target table, created if missing; default 'synthetic_person'. */
  table?: string;
  /** Empty the table first (ids restart at 1). */
  truncate?: boolean;
  /** Belfiore codes of the comuni people live in (e.g. one ambito); default all active comuni. */
  residenceComuni?: readonly string[];
  /** "Today" for ages; default 2025-01-01 (keeps output independent of the clock). */
  referenceDate?: string;
  batchSize?: number;
  onProgress?(done: number, total: number): void;
}

const COLUMNS = [
  ['id', 'bigint'],
  ['surname', 'text'],
  ['name', 'text'],
  ['sex', 'text'],
  ['birth_date', 'date'],
  ['birth_place_code', 'text'],
  ['fiscal_code', 'text'],
  ['omocodic', 'boolean'],
  ['citizenship_iso', 'int'],
  ['comune_belfiore', 'text'],
  ['address', 'text'],
  ['household_id', 'bigint'],
  ['member_kinship', 'text'],
] as const;

/** Accepts `name` or `schema.name` in lower case, so it can be interpolated safely. */
export function safeTableName(table: string): string {
  if (!/^([a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,62}$/.test(table)) {
    throw new Error(`invalid table name "${table}" (lower-case identifier, optionally schema-qualified)`);
  }
  return table;
}

function createTableSql(table: string): string {
  return `CREATE UNLOGGED TABLE IF NOT EXISTS ${table} (
    id               bigint PRIMARY KEY,
    surname          text NOT NULL,
    name             text NOT NULL,
    sex              text NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date       date NOT NULL,
    birth_place_code text NOT NULL,          -- Belfiore of the comune (valid at birth) or Z-code
    fiscal_code      text NOT NULL,
    omocodic         boolean NOT NULL DEFAULT false,
    citizenship_iso  int NOT NULL,           -- ISO 3166-1 numeric, main citizenship (380 = Italy)
    comune_belfiore  text NOT NULL,          -- comune of residence
    address          text NOT NULL,
    household_id     bigint NOT NULL,
    member_kinship   text NOT NULL           -- ANPR tabella 5 relation to the household head
  )`;
}

/** Reads the generator context from the reference tables (run `npm run data:load` first). */
export async function loadSyntheticContext(
  pool: pg.Pool,
  opts: { residenceComuni?: readonly string[]; referenceDate?: string } = {},
): Promise<SyntheticContext> {
  const comuni = await pool.query<{ belfiore: string; name: string; province_code: string; valid_from: string; valid_to: string | null }>(
    `SELECT belfiore, name, province_code, valid_from::text AS valid_from, valid_to::text AS valid_to
       FROM ref_comune WHERE belfiore IS NOT NULL ORDER BY anpr_id`,
  );
  const states = await pool.query<{ code: string; name: string; iso_numeric: number | null }>(
    `SELECT belfiore AS code, name, iso_numeric FROM ref_stato_estero
      WHERE belfiore IS NOT NULL AND birth_allowed ORDER BY code`,
  );
  if (comuni.rows.length === 0) throw new Error('ref_comune is empty: run `npm run data:load` first');
  const all: ComuneRef[] = comuni.rows.map((r) => ({
    belfiore: r.belfiore,
    name: r.name,
    provinceCode: r.province_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
  let residence: ComuneRef[] | undefined;
  if (opts.residenceComuni?.length) {
    const wanted = new Set(opts.residenceComuni);
    residence = all.filter((c) => wanted.has(c.belfiore) && !c.validTo);
    const missing = [...wanted].filter((b) => !residence?.some((c) => c.belfiore === b));
    if (missing.length) throw new Error(`not active comuni: ${missing.join(', ')}`);
  }
  const stateRefs: StateRef[] = states.rows.map((r) => ({ code: r.code, name: r.name, isoNumeric: r.iso_numeric }));
  return {
    comuni: all,
    states: stateRefs,
    ...(residence ? { residenceComuni: residence } : {}),
    referenceDate: opts.referenceDate ?? '2025-01-01',
  };
}

export async function generatePeople(pool: pg.Pool, opts: GeneratePeopleOptions): Promise<{ rows: number; ms: number }> {
  const started = Date.now();
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new Error('count must be a non-negative integer');
  const table = safeTableName(opts.table ?? 'synthetic_person');
  const batchSize = opts.batchSize ?? 5000;
  const ctx = await loadSyntheticContext(pool, opts);
  await pool.query(createTableSql(table));
  if (opts.truncate) await pool.query(`TRUNCATE ${table}`);
  const max = await pool.query<{ id: string; hh: string }>(
    `SELECT coalesce(max(id), 0)::text AS id, coalesce(max(household_id), 0)::text AS hh FROM ${table}`,
  );
  let nextId = BigInt(max.rows[0]?.id ?? '0');
  let nextHousehold = BigInt(max.rows[0]?.hh ?? '0');

  const insertSql =
    `INSERT INTO ${table} (${COLUMNS.map((c) => c[0]).join(', ')}) ` +
    `SELECT * FROM unnest(${COLUMNS.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})`;
  const client = await pool.connect();
  let inflight: Promise<unknown> = Promise.resolve();
  try {
    const rng = new Rng(opts.seed);
    let cols: unknown[][] = COLUMNS.map(() => []);
    let done = 0;
    const flush = async (): Promise<void> => {
      const arrays = cols;
      cols = COLUMNS.map(() => []);
      await inflight; // at most one statement in flight: generate while the server inserts
      const sent = client.query(insertSql, arrays);
      sent.catch(() => undefined); // handled when awaited; avoids an "unhandled rejection" meanwhile
      inflight = sent;
      opts.onProgress?.(done, opts.count);
    };
    while (done < opts.count) {
      const household = generateHousehold(rng, ctx);
      nextHousehold += 1n;
      for (const m of household.members) {
        if (done >= opts.count) break; // the last household is cut to hit the exact count
        nextId += 1n;
        const row = [
          nextId.toString(), m.surname, m.name, m.sex, m.birthDate, m.birthPlace.code, m.fiscalCode, m.omocodic,
          m.citizenships[0], m.residence.comuneBelfiore, `${m.residence.street} ${m.residence.houseNumber}`,
          nextHousehold.toString(), m.kinship,
        ];
        row.forEach((v, i) => cols[i]?.push(v));
        done++;
        if ((cols[0]?.length ?? 0) >= batchSize) await flush();
      }
    }
    if ((cols[0]?.length ?? 0) > 0) await flush();
    await inflight;
    await client.query(`ANALYZE ${table}`);
    return { rows: done, ms: Date.now() - started };
  } finally {
    await inflight.catch(() => undefined);
    client.release();
  }
}
