/**
 * The four kinds of search of bench/person-search, drawn from people really in the database
 * (deterministic: a seeded md5 order picks them, a seeded Rng makes the typos).
 */
import type pg from 'pg';
import { Rng, normalizeName } from '@siso/shared';

export const QUERY_TYPES = ['fiscalCode', 'surnamePrefix', 'typoName', 'nameBirthDate'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export const QUERY_LABEL: Record<QueryType, string> = {
  fiscalCode: 'exact fiscal code',
  surnamePrefix: 'surname prefix',
  typoName: "typo'd full name",
  nameBirthDate: 'name + birth date',
};

export interface BenchQuery {
  input: { q: string; birthDate?: string };
  /** The person the query was drawn from (a search that finds them is a hit). */
  targetId: string;
}

interface Sample {
  id: string;
  surname: string;
  name: string;
  surname_norm: string;
  fiscal_code: string;
  birth_date: string;
}

/** One letter dropped, doubled or swapped with the next, never the first letter. */
export function typo(rng: Rng, word: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = rng.int(1, Math.max(1, word.length - 2));
    const op = rng.int(0, 2);
    const out =
      op === 0 ? word.slice(0, at) + word.slice(at + 1)
      : op === 1 ? word.slice(0, at + 1) + word.slice(at)
      : word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
    if (normalizeName(out) !== normalizeName(word) && normalizeName(out).length >= 2) return out;
  }
  return `${word}x`;
}

/** The start of a normalised surname up to its n-th letter, blanks kept ("de santis", 4 → "de sa"). */
export function leadingLetters(surname: string, n: number): string {
  let letters = 0;
  let end = 0;
  while (end < surname.length && letters < n) {
    if (surname.charAt(end) !== ' ') letters += 1;
    end += 1;
  }
  return surname.slice(0, end).trim();
}

export async function drawQueries(pool: pg.Pool, ambitoId: string, perType: number, seed: number): Promise<Record<QueryType, BenchQuery[]>> {
  const rows = (
    await pool.query<Sample>(
      `SELECT id, surname, name, surname_norm, fiscal_code, birth_date::text AS birth_date FROM person
        WHERE ambito_id = $1 AND merged_into IS NULL AND archived_at IS NULL AND protection_reason IS NULL
        ORDER BY md5(fiscal_code || $2) LIMIT $3`,
      [ambitoId, `seed${seed}`, perType * QUERY_TYPES.length],
    )
  ).rows;
  if (rows.length < perType * QUERY_TYPES.length) throw new Error(`only ${rows.length} people to draw queries from`);
  const rng = new Rng(seed);
  const slice = (k: number) => rows.slice(k * perType, (k + 1) * perType);
  return {
    fiscalCode: slice(0).map((r) => ({ input: { q: r.fiscal_code }, targetId: r.id })),
    surnamePrefix: slice(1).map((r) => ({ input: { q: leadingLetters(r.surname_norm, rng.int(3, 5)) }, targetId: r.id })),
    typoName: slice(2).map((r) => {
      const wrong = typo(rng, r.surname);
      return { input: { q: rng.chance(0.3) ? `${r.name} ${wrong}` : `${wrong} ${r.name}` }, targetId: r.id };
    }),
    nameBirthDate: slice(3).map((r) => ({ input: { q: rng.chance(0.5) ? `${r.surname} ${r.name}` : r.surname, birthDate: r.birth_date }, targetId: r.id })),
  };
}
