import { sql, type RawBuilder } from 'kysely';

/**
 * The typed text normalised like the `name_norm` columns of ref_comune and ref_stato_estero
 * (migration 0002: lower(f_unaccent(name))), by the database itself so both sides agree.
 */
export function normalisedSql(q: string): RawBuilder<string> {
  return sql<string>`lower(f_unaccent(${q}::text))`;
}

/** The normalised text with the LIKE wildcards escaped: what the operator typed is literal. */
function likeLiteral(q: string): RawBuilder<string> {
  return sql<string>`replace(replace(replace(${normalisedSql(q)}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;
}

/**
 * Name match over a `name_norm` column: prefix, contained text, or trigram similarity (typos).
 * The trigram GIN index of migration 0002 serves `%` and `LIKE '%x%'`.
 */
export function nameMatchSql(column: RawBuilder<unknown>, q: string): RawBuilder<boolean> {
  return sql<boolean>`(${column} LIKE ${likeLiteral(q)} || '%'
    OR ${column} LIKE '%' || ${likeLiteral(q)} || '%'
    OR ${column} % ${normalisedSql(q)})`;
}

/** Rank: the exact name first, then names starting with the text, then by similarity. */
export function nameRankSql(column: RawBuilder<unknown>, q: string): RawBuilder<number> {
  const n = normalisedSql(q);
  return sql<number>`(CASE WHEN ${column} = ${n} THEN 3 WHEN ${column} LIKE ${likeLiteral(q)} || '%' THEN 2 ELSE 0 END
    + similarity(${column}, ${n}))`;
}
