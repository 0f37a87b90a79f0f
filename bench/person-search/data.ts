/**
 * Data for bench/person-search: the organisation (10 ambiti of 5 enti each, on top of the demo
 * region) and `person` rows from the platform's synthetic generator (packages/shared/src/synthetic,
 * the households `npm run synth` writes), loaded like apps/server/src/synthetic/generate-people.ts
 * does — `unnest` batches, the next batch generated while the previous one is inserted — but
 * straight into `person`, with the search columns computed by the SAME `normalizeName` the server
 * uses. The secondary indexes of `person` are dropped during the load and rebuilt from their own
 * definitions (pg_indexes) afterwards, so whatever migration 0005 defines is what gets measured.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type pg from 'pg';
import { readFingerprint } from '../lib/bench-database.js';
import type { Kysely } from 'kysely';
import {
  ITALIAN_SURNAMES,
  Rng,
  dayToIso,
  decodeOmocodia,
  generateHousehold,
  isoToDay,
  normalizeName,
  omocodiaVariant,
} from '@siso/shared';
import type { DB } from '../../apps/server/src/db/types.js';
import { loadSyntheticContext } from '../../apps/server/src/synthetic/generate-people.js';
import { seedEnte } from '../../apps/server/src/seed/seed-organisation.js';

export const AMBITI = 10;
export const ENTI_PER_AMBITO = 5;
export const SEED = 4;
/** Bump when the rows this file produces change: the bench databases are then rebuilt. */
const DATA_VERSION = 1;

/**
 * What a bench database was built from: the migrations (schema and indexes), this loader and the
 * number of people. A database whose stored fingerprint differs is dropped and rebuilt.
 */
export function fingerprint(people: number): string {
  const h = crypto.createHash('sha256').update(`v${DATA_VERSION} seed ${SEED} people ${people}\n`);
  const dir = new URL('../../apps/server/src/db/migrations/', import.meta.url);
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) h.update(f).update(fs.readFileSync(new URL(f, dir)));
  return h.digest('hex').slice(0, 16);
}

const META = 'bench_person_search_meta';

export async function storedFingerprint(pool: pg.Pool | pg.Client): Promise<string | null> {
  return readFingerprint(pool, META);
}

async function storeFingerprint(pool: pg.Pool, value: string): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${META} (key text PRIMARY KEY, value text NOT NULL)`);
  await pool.query(`INSERT INTO ${META} (key, value) VALUES ('fingerprint', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [value]);
}

export interface BenchEnte {
  id: string;
  /** Offices people are registered by, with their weight. */
  offices: Array<{ id: string; weight: number }>;
}
export interface BenchAmbito {
  id: string;
  code: string;
  enti: BenchEnte[];
}

/** Offices that register people, and how many of an ente's people each registers. */
const REGISTERING = [
  ['sportello_accoglienza', 5],
  ['servizio_sociale_professionale', 3],
  ['sportello_stranieri', 2],
] as const;

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * The demo seed gives the region, two ambiti with two comuni each and the personas; this adds
 * enti (real Umbrian comuni from ref_comune, each with the seven office types) up to 5 per ambito
 * and ambiti up to 10. Idempotent.
 */
export async function ensureOrganisation(db: Kysely<DB>): Promise<BenchAmbito[]> {
  const regioneId = (await db.selectFrom('regione').select('id').executeTakeFirstOrThrow()).id;
  const used = new Set((await db.selectFrom('ente').select('belfiore_code').execute()).map((e) => e.belfiore_code));
  const free = (
    await db
      .selectFrom('ref_comune')
      .select(['belfiore', 'istat_code', 'name'])
      .where('region_code', '=', '10')
      .where('valid_to', 'is', null)
      .where('belfiore', 'is not', null)
      .orderBy('istat_code')
      .execute()
  ).filter((c) => !used.has(c.belfiore));
  let ambiti = await db.selectFrom('ambito').select(['id', 'code']).orderBy('code').execute();
  for (let i = ambiti.length; i < AMBITI; i++) {
    const code = `ZSB${String(i + 1).padStart(2, '0')}`;
    await db.insertInto('ambito').values({ id: crypto.randomUUID(), regione_id: regioneId, code, name: `Zona sociale di prova n. ${i + 1}` }).execute();
  }
  ambiti = await db.selectFrom('ambito').select(['id', 'code']).orderBy('code').execute();
  const out: BenchAmbito[] = [];
  for (const a of ambiti.slice(0, AMBITI)) {
    let enti = await db.selectFrom('ente').select(['id', 'is_capofila']).where('ambito_id', '=', a.id).where('kind', '=', 'comune').orderBy('is_capofila', 'desc').orderBy('name').execute();
    for (let i = enti.length; i < ENTI_PER_AMBITO; i++) {
      const c = free.shift();
      if (!c) throw new Error('not enough Umbrian comuni in ref_comune for the bench organisation');
      await seedEnte(db, regioneId, a.id, { key: c.belfiore!, name: `Comune di ${titleCase(c.name)}`, belfiore: c.belfiore!, istat: c.istat_code, capofila: i === 0, personaSuffix: null });
    }
    enti = await db.selectFrom('ente').select(['id', 'is_capofila']).where('ambito_id', '=', a.id).where('kind', '=', 'comune').orderBy('is_capofila', 'desc').orderBy('name').execute();
    const offices = await db.selectFrom('office').select(['id', 'ente_id', 'type']).where('ambito_id', '=', a.id).execute();
    out.push({
      id: a.id,
      code: a.code,
      enti: enti.slice(0, ENTI_PER_AMBITO).map((e) => ({
        id: e.id,
        offices: REGISTERING.map(([type, weight]) => ({ id: offices.find((o) => o.ente_id === e.id && o.type === type)!.id, weight })),
      })),
    });
  }
  return out;
}

const COLUMNS = [
  ['ambito_id', 'uuid'],
  ['ente_id', 'uuid'],
  ['office_id', 'uuid'],
  ['fiscal_code', 'text'],
  ['fiscal_code_base', 'text'],
  ['surname', 'text'],
  ['name', 'text'],
  ['surname_norm', 'text'],
  ['name_norm', 'text'],
  ['sex', 'text'],
  ['birth_date', 'date'],
  ['birth_comune_istat', 'text'],
  ['birth_state_code', 'text'],
  ['birth_place_name', 'text'],
  ['birth_belfiore', 'text'],
  ['citizenships', 'text'],
  ['date_of_death', 'date'],
  ['protection_reason', 'text'],
] as const;

const INSERT_PERSON =
  `INSERT INTO person (id, fiscal_code_kind, ${COLUMNS.map((c) => c[0]).join(', ')}) ` +
  `SELECT gen_random_uuid(), 'definitive', ${COLUMNS.map((c) => (c[0] === 'citizenships' ? `string_to_array(${c[0]}, ',')` : c[0])).join(', ')} ` +
  `FROM unnest(${COLUMNS.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')}) AS u(${COLUMNS.map((c) => c[0]).join(', ')})`;

interface Place {
  from: string;
  to: string | null;
  istat: string;
  name: string;
}

/** Birth-place lookups (Belfiore → ISTAT code and name valid on the birth date; Z-code → state). */
async function placeLookups(pool: pg.Pool) {
  const comuni = new Map<string, Place[]>();
  const rows = await pool.query<{ belfiore: string; istat_code: string; name: string; valid_from: string; valid_to: string | null }>(
    `SELECT belfiore, istat_code, name, valid_from::text AS valid_from, valid_to::text AS valid_to FROM ref_comune WHERE belfiore IS NOT NULL ORDER BY anpr_id`,
  );
  for (const r of rows.rows) {
    const list = comuni.get(r.belfiore) ?? [];
    list.push({ from: r.valid_from, to: r.valid_to, istat: r.istat_code, name: r.name });
    comuni.set(r.belfiore, list);
  }
  const states = await pool.query<{ code: string; belfiore: string | null; name: string; iso_numeric: number | null }>(
    `SELECT code, belfiore, name, iso_numeric FROM ref_stato_estero ORDER BY code`,
  );
  const stateByBelfiore = new Map<string, { code: string; name: string }>();
  const stateByIso = new Map<number, string>();
  for (const s of states.rows) {
    if (s.belfiore && !stateByBelfiore.has(s.belfiore)) stateByBelfiore.set(s.belfiore, { code: s.code, name: s.name });
    if (s.iso_numeric != null && !stateByIso.has(s.iso_numeric)) stateByIso.set(s.iso_numeric, s.code);
  }
  return {
    comune(belfiore: string, on: string): Place {
      const list = comuni.get(belfiore) ?? [];
      const hit = list.find((c) => c.from <= on && (c.to === null || c.to >= on)) ?? list[list.length - 1];
      if (!hit) throw new Error(`no comune ${belfiore}`);
      return hit;
    },
    state(belfiore: string): { code: string; name: string } {
      const s = stateByBelfiore.get(belfiore);
      if (!s) throw new Error(`no state ${belfiore}`);
      return s;
    },
    citizenship(iso: number): string | undefined {
      return stateByIso.get(iso);
    },
  };
}

function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let r = rng.next() * total;
  for (const i of items) {
    r -= i.weight;
    if (r < 0) return i;
  }
  return items[items.length - 1]!;
}

/**
 * Writes `count` people: households from the synthetic generator (seed SEED), each household in
 * one ambito (round robin) and ente, each person registered by one of the ente's offices. Fiscal
 * codes are unique per ambito as the schema wants: a clash takes the next omocodic variant, as the
 * Agenzia delle Entrate does. About 1% have an alias, 1% are deceased, 0.2% are protected.
 */
export async function loadPeople(pool: pg.Pool, ambiti: BenchAmbito[], count: number, log: (m: string) => void): Promise<void> {
  const t0 = Date.now();
  const ctx = await loadSyntheticContext(pool);
  const places = await placeLookups(pool);
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    // FK checks off for the bulk load only: every reference is built from the rows above.
    await client.query(`SET session_replication_role = replica`);
    const indexes = (
      await client.query<{ indexname: string; indexdef: string }>(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = 'person'
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      )
    ).rows;
    for (const i of indexes) await client.query(`DROP INDEX ${i.indexname}`);

    const rng = new Rng(SEED);
    const extra = new Rng(SEED * 7919 + 1); // bench-only draws, so the generator's stream stays that of `npm run synth`
    const seen = ambiti.map(() => new Set<string>());
    const aliases: Array<[string, string, string, string]> = []; // ambito, fiscal code, surname, surname_norm
    let cols: unknown[][] = COLUMNS.map(() => []);
    let inflight: Promise<unknown> = Promise.resolve();
    const flush = async (): Promise<void> => {
      const arrays = cols;
      cols = COLUMNS.map(() => []);
      await inflight;
      const sent = client.query(INSERT_PERSON, arrays);
      sent.catch(() => undefined);
      inflight = sent;
    };
    let done = 0;
    let household = 0;
    let lastPct = 0;
    while (done < count) {
      const h = generateHousehold(rng, ctx);
      const ai = household % ambiti.length;
      household += 1;
      const ambito = ambiti[ai]!;
      const ente = ambito.enti[extra.int(0, ambito.enti.length - 1)]!;
      for (const m of h.members) {
        if (done >= count) break;
        let fc = m.fiscalCode;
        const base = decodeOmocodia(fc);
        for (let level = 1; seen[ai]!.has(fc); level++) {
          if (level > 7) throw new Error(`fiscal code ${base}: every omocodic variant taken`);
          fc = omocodiaVariant(base, level);
        }
        seen[ai]!.add(fc);
        const bp = m.birthPlace;
        const comune = bp.kind === 'comune' ? places.comune(bp.code, m.birthDate) : null;
        const state = bp.kind === 'state' ? places.state(bp.code) : null;
        const citizenships = m.citizenships.map((c) => places.citizenship(c)).filter((c): c is string => c !== undefined);
        const deceased = extra.chance(0.01) ? dayToIso(extra.int(isoToDay(m.birthDate), isoToDay('2024-12-31'))) : null;
        const row = [
          ambito.id, ente.id, pickWeighted(extra, ente.offices).id, fc, base, m.surname, m.name, normalizeName(m.surname), normalizeName(m.name),
          m.sex, m.birthDate, comune?.istat ?? null, state?.code ?? null, comune?.name ?? state?.name ?? null, bp.code, citizenships.join(','),
          deceased, extra.chance(0.002) ? 'violence' : null,
        ];
        row.forEach((v, i) => cols[i]!.push(v));
        if (extra.chance(0.01)) {
          const alias = extra.pick(ITALIAN_SURNAMES);
          aliases.push([ambito.id, fc, alias, normalizeName(alias)]);
        }
        done += 1;
        if (cols[0]!.length >= 5000) await flush();
      }
      const pct = Math.floor((done / count) * 10);
      if (pct > lastPct) {
        lastPct = pct;
        log(`  ${pct * 10}% (${done} people, ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      }
    }
    if (cols[0]!.length > 0) await flush();
    await inflight;
    await client.query(`SET session_replication_role = origin`);
    const t1 = Date.now();
    for (const i of indexes) await client.query(i.indexdef);
    log(`  ${indexes.length} indexes rebuilt in ${((Date.now() - t1) / 1000).toFixed(0)} s`);
    for (let i = 0; i < aliases.length; i += 5000) {
      const part = aliases.slice(i, i + 5000);
      await client.query(
        `INSERT INTO person_alias (id, person_id, ambito_id, surname, surname_norm, position)
         SELECT gen_random_uuid(), p.id, p.ambito_id, a.surname, a.surname_norm, 0
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS a(ambito_id, fiscal_code, surname, surname_norm)
           JOIN person p ON p.ambito_id = a.ambito_id AND p.fiscal_code = a.fiscal_code`,
        [0, 1, 2, 3].map((k) => part.map((r) => r[k])),
      );
    }
    await client.query('VACUUM ANALYZE person');
    await client.query('VACUUM ANALYZE person_alias');
    log(`  ${done} people and ${aliases.length} aliases in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await client.query(`SET session_replication_role = origin`).catch(() => undefined);
    client.release();
  }
}

/** Loads the people unless the database already holds this fingerprint's data. */
export async function ensurePeople(pool: pg.Pool, ambiti: BenchAmbito[], count: number, log: (m: string) => void): Promise<boolean> {
  const want = fingerprint(count);
  if ((await storedFingerprint(pool)) === want) return false;
  const have = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person')).rows[0]!.n;
  if (have > 0) throw new Error('person is not empty but the bench fingerprint is missing: drop the bench database');
  await loadPeople(pool, ambiti, count, log);
  await storeFingerprint(pool, want);
  return true;
}
