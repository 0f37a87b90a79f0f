import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor } from '../../../access/actor.js';
import { canWrite, visible, visibleOrPreview, visibleTo } from '../../../access/visibility.js';
import type { DB } from '../../../db/types.js';
import { PERSON } from '../person-kinds.js';
import type { SearchPlan } from './search-query.js';

export interface SearchRow {
  id: string;
  in_scope: boolean;
  score: number;
  alias_score: number;
  name_score: number;
  anonymous: boolean;
  anonymous_code: string | null;
  fiscal_code: string | null;
  fiscal_code_kind: 'definitive' | 'temporary' | 'stp' | 'eni' | null;
  surname: string | null;
  name: string | null;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  birth_place_name: string | null;
  ente_id: string;
  ente_name: string;
  date_of_death: string | null;
  protection_reason: string | null;
  can_update: boolean;
}

/**
 * The candidate predicate of the searches other than by name alone: filter by ambito first, then
 * indexed operators only — equality on the fiscal code, the anonymous identifier, `LIKE 'x%'` on the
 * fiscal code, equality on (ambito, birth_date). A name search with a birth date takes the people
 * born that day (a handful) and ranks them by name. A name alone goes through `nameSearchQuery`.
 */
function candidates(plan: SearchPlan, birthDate: string | undefined): RawBuilder<boolean> {
  const byDate = birthDate ? sql<boolean>`p.birth_date = ${birthDate}::date` : null;
  switch (plan.mode) {
    case 'code':
      return sql`(p.fiscal_code = ${plan.code} OR p.fiscal_code_base = ${plan.base ?? plan.code})`;
    case 'anonymous':
      return sql`p.anonymous_code = ${plan.code}`;
    case 'codePrefix':
      return sql`p.fiscal_code LIKE ${`${plan.prefix}%`}`;
    case 'none':
      return byDate ?? sql`false`;
    case 'name':
      return byDate ?? sql`false`;
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Name score: the best cut of the words into surname + name (surname weighs more). */
function nameScore(plan: SearchPlan): RawBuilder<number> {
  if (plan.mode !== 'name') return sql<number>`0`;
  const whole = sql`GREATEST(similarity(p.surname_norm, ${plan.whole}), CASE WHEN p.surname_norm LIKE ${`${escapeLike(plan.whole)}%`} THEN 0.75 ELSE 0 END,
    similarity(coalesce(p.surname_norm, '') || ' ' || coalesce(p.name_norm, ''), ${plan.whole}) * 0.95)`;
  const cuts = plan.splits.map((s) => sql`(0.6 * similarity(p.surname_norm, ${s.surname}) + 0.4 * similarity(coalesce(p.name_norm, ''), ${s.name}))`);
  return sql<number>`GREATEST(${sql.join([whole, ...cuts])})`;
}

/**
 * The aliases of a person as far as the person is seen here: joined to their person under the
 * search's rule (`rule`, which includes the preview), the alias row by `aliasVia`. So a previewed
 * person is found and ranked by an alias too, as before, and an alias is never read beyond it.
 */
function aliasesOf(scope: Scope, condition: RawBuilder<boolean>): RawBuilder<unknown> {
  const via = scope.aliasVia ?? (() => sql<boolean>`true`);
  return sql`person_alias al JOIN person pa ON pa.id = al.person_id AND ${scope.rule('pa')} WHERE ${condition} AND ${via('al', 'pa')}`;
}

/**
 * The best similarity of an alias of `p` — a reference to person that already carries the search's rule,
 * so the alias is joined to it directly (`aliasVia`) instead of to a second lookup of the person under the
 * rule for every candidate (bench/person-search: a surname prefix ranks hundreds of candidates).
 */
function aliasScore(plan: SearchPlan, scope: Scope): RawBuilder<number> {
  if (plan.mode !== 'name') return sql<number>`0`;
  const via = scope.aliasVia ?? (() => sql<boolean>`true`);
  return sql<number>`coalesce((SELECT max(similarity(al.surname_norm || ' ' || coalesce(al.name_norm, ''), ${plan.whole}))
      FROM person_alias al WHERE al.person_id = p.id AND ${via('al', 'p')}), 0)`;
}

export interface SearchInput {
  plan: SearchPlan;
  birthDate?: string;
  includeMerged: boolean;
  limit: number;
  previews: boolean;
}

/**
 * `rule`: the visibility rule of every reference to person (the handler passes the visibility module's,
 * the bench plain SQL); `aliasVia`: the rule of an alias row joined to its person `personAlias` (the
 * bench leaves it out).
 */
type Scope = {
  inScope: RawBuilder<boolean>;
  canUpdate: RawBuilder<boolean>;
  rule: (alias: string) => RawBuilder<boolean>;
  aliasVia?: (alias: string, personAlias: string) => RawBuilder<boolean>;
};

const ORDER = sql`GREATEST(x.name_score, x.alias_score) DESC, x.surname_norm, x.name_norm, x.id`;

/**
 * Settings of a name search's transaction. `pg_trgm.word_similarity_threshold`: the `<%` matches of a
 * search by several words; pg_trgm's default, 0.6, misses one wrong letter in a short surname
 * ("Bianki Lucia" → "bianchi lucia" is 0.59). `jit`: off — these queries take milliseconds, and when
 * the planner's estimate crosses jit_above_cost, compiling costs hundreds (measured: 440 ms of 920).
 */
export const SEARCH_SETTINGS = { jit: 'off', 'pg_trgm.word_similarity_threshold': '0.5' } as const;

/** Whether `input` is a search by name alone, which runs with `SEARCH_SETTINGS`. */
export function needsSearchSettings(input: SearchInput): boolean {
  return input.plan.mode === 'name' && !input.birthDate;
}

/**
 * The candidate + ranking query for one ambito, with the two scope predicates given (the handler
 * passes `visibleTo`; bench/person-search passes the operator's scope written plainly, to measure
 * the same SQL without the pipeline).
 */
export function searchPersonsQuery(ambitoId: string | null, scope: Scope, input: SearchInput): RawBuilder<SearchRow> {
  if (input.plan.mode === 'name' && !input.birthDate) return nameSearchQuery(ambitoId, scope, input, input.plan);
  const dateFilter = input.birthDate && input.plan.mode !== 'name' ? sql`AND p.birth_date = ${input.birthDate}::date` : sql``;
  const minScore = input.plan.mode === 'name' ? 0.2 : 0;
  // `OFFSET 0` keeps the candidate scan a subquery of its own, so each score is computed once per
  // candidate, not again in the filter and the sort; the ente is joined to the page only.
  return sql<SearchRow>`
    SELECT x.*, e.name AS ente_name FROM (
      SELECT * FROM (
        SELECT p.id, p.anonymous, p.anonymous_code, p.fiscal_code, p.fiscal_code_kind, p.surname, p.name, p.sex,
               p.birth_date, p.birth_place_name, p.ente_id, p.date_of_death, p.protection_reason,
               p.surname_norm, p.name_norm,
               ${scope.inScope} AS in_scope,
               ${scope.canUpdate} AS can_update,
               ${nameScore(input.plan)} AS name_score,
               ${aliasScore(input.plan, scope)} AS alias_score
          FROM person p
         WHERE p.ambito_id = ${ambitoId} AND p.archived_at IS NULL AND ${scope.rule('p')}
           ${input.includeMerged ? sql`` : sql`AND p.merged_into IS NULL`}
           AND ${candidates(input.plan, input.birthDate)} ${dateFilter}
        OFFSET 0
      ) x
      WHERE (x.in_scope OR (${input.previews} AND x.protection_reason IS NULL))
        AND GREATEST(x.name_score, x.alias_score) >= ${minScore}
      ORDER BY ${ORDER}
      LIMIT ${input.limit}
    ) x JOIN ente e ON e.id = x.ente_id
    ORDER BY ${ORDER}`;
}

/**
 * A search by name alone (measured in bench/person-search, 1M people in 10 ambiti). Candidates:
 * - surnames starting with the text: an index-only scan of the covering, partial
 *   `person_surname_prefix_idx` that also carries the scope columns, so the thousands of people a
 *   3-letter prefix can match are ranked without reading the table;
 * - only when fewer than `limit` people have a surname starting with the text (prefix matches score at
 *   least 0.75 and rank first, so the fuzzy scans could not change the page — a near-identical spelling
 *   above 0.75 is the one thing left out; typing more of the name finds it), approximate matches:
 *   one word: surnames similar to it (`%`, trigram GIN on (ambito, surname)); several words: full
 *   names containing them approximately, in any order (`<%`, word similarity over "surname name",
 *   trigram GIN on (ambito, that expression); one index scan instead of one per way of cutting the
 *   words into surname + name). Without the gate a short text ("di st") costs ~180 ms at 100,000
 *   people in the ambito;
 * - aliases similar to the word typed, or approximately one of the words or word groups typed.
 * Every candidate is then scored as before (`nameScore`, `aliasScore`) and only the page is read
 * from the table.
 */
function nameSearchQuery(ambitoId: string | null, scope: Scope, input: SearchInput, plan: Extract<SearchPlan, { mode: 'name' }>): RawBuilder<SearchRow> {
  const live = input.includeMerged ? sql`p.archived_at IS NULL` : sql`p.archived_at IS NULL AND p.merged_into IS NULL`;
  const base = sql`p.ambito_id = ${ambitoId} AND ${live}`;
  // The same condition in a form the planner cannot match to the partial prefix index: otherwise it
  // may read the whole ambito from that index and filter it with the trigram operator, whose cost
  // it underestimates (measured at 1M people: 230 ms for "Marco Luuzi" instead of 23–39 through the trigram GIN).
  const baseFuzzy = sql`p.ambito_id = ${ambitoId} AND ${input.includeMerged ? sql`p.archived_at IS NULL` : sql`num_nulls(p.archived_at, p.merged_into) = 2`}`;
  // The alias score is computed where `p` is the person under the rule (a candidate's branch), not over the union.
  const cols = sql`p.id, p.protection_reason, p.surname_norm, p.name_norm, ${scope.inScope} AS in_scope, ${scope.canUpdate} AS can_update, ${aliasScore(plan, scope)} AS alias_score`;
  const visible = (alias: string) => sql`(${sql.ref(`${alias}.in_scope`)} OR (${input.previews} AND ${sql.ref(`${alias}.protection_reason`)} IS NULL))`;
  const fuzzy =
    plan.splits.length === 0
      ? sql`p.surname_norm % ${plan.whole}`
      : sql`${plan.whole} <% (coalesce(p.surname_norm, '') || ' ' || coalesce(p.name_norm, ''))`;
  // An alias similar to the word typed, or (several words) approximately one of the words or word
  // groups typed: one word_similarity() per alias of the ambito instead of one similarity() per
  // alias and per way of cutting the words.
  const aliasMatch = plan.splits.length === 0 ? sql`al.surname_norm % ${plan.whole}` : sql`al.surname_norm <% ${plan.whole}`;
  return sql<SearchRow>`
    WITH pre AS MATERIALIZED (
      SELECT ${cols} FROM person p WHERE ${base} AND ${scope.rule('p')} AND p.surname_norm LIKE ${`${escapeLike(plan.whole)}%`}
    ), c AS (
      SELECT * FROM pre
      UNION
      SELECT ${cols} FROM person p WHERE ${baseFuzzy} AND ${scope.rule('p')} AND ${fuzzy} AND (SELECT count(*) FROM pre WHERE ${visible('pre')}) < ${input.limit}
      UNION
      SELECT ${cols} FROM person p WHERE ${base} AND ${scope.rule('p')} AND p.id = ANY(ARRAY(
        SELECT al.person_id FROM ${aliasesOf(scope, sql<boolean>`al.ambito_id = ${ambitoId} AND ${aliasMatch}`)}))
    )
    SELECT p.id, p.anonymous, p.anonymous_code, p.fiscal_code, p.fiscal_code_kind, p.surname, p.name, p.sex,
           p.birth_date, p.birth_place_name, p.ente_id, e.name AS ente_name, p.date_of_death, p.protection_reason,
           x.surname_norm, x.name_norm, x.in_scope, x.can_update, x.name_score, x.alias_score
      FROM (
        SELECT * FROM (
          SELECT p.*, ${nameScore(plan)} AS name_score
            FROM c p WHERE ${visible('p')}
          OFFSET 0
        ) x
        WHERE GREATEST(x.name_score, x.alias_score) >= 0.3
        ORDER BY ${ORDER}
        LIMIT ${input.limit}
      ) x
      JOIN person p ON p.id = x.id AND ${scope.rule('p')}
      JOIN ente e ON e.id = p.ente_id
     ORDER BY ${ORDER}`;
}

/**
 * Ranked matches in the actor's ambito. People outside the actor's scope are returned too (the
 * identification preview of the architecture), flagged `in_scope = false`, unless `previews` is off;
 * protected people outside the scope are never returned (issue 4, point 5).
 */
export async function searchPersons(db: Kysely<DB>, actor: Actor, input: SearchInput): Promise<SearchRow[]> {
  const scope = {
    inScope: visibleTo(actor, 'persons.get', PERSON, 'p'),
    canUpdate: canWrite(actor, PERSON, 'p', 'persons.update'),
    rule: (alias: string) => visibleOrPreview(actor, PERSON, alias, input.previews),
    aliasVia: (alias: string, personAlias: string) => visible(actor, 'personAlias', alias, { via: personAlias }),
  };
  if (needsSearchSettings(input)) {
    // Transaction-local (is_local = true): the handler's read-only transaction ends with the request.
    const settings = Object.entries(SEARCH_SETTINGS).map(([k, v]) => sql`set_config(${k}, ${v}, true)`);
    await sql`SELECT ${sql.join(settings)}`.execute(db);
  }
  const r = await searchPersonsQuery(actor.context!.ambitoId, scope, input).execute(db);
  return r.rows.map((row) => ({ ...row, score: Number(Math.max(row.name_score, row.alias_score).toFixed(3)) || (input.plan.mode === 'name' ? 0 : 1) }));
}
