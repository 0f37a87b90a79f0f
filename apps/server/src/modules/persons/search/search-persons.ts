import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor } from '../../../access/actor.js';
import { visibleTo } from '../../../access/visibility.js';
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
 * The candidate predicate: filter by ambito first, then indexed operators only — equality on the
 * fiscal code, `LIKE 'x%'` on (ambito, surname_norm text_pattern_ops), trigram `%` on the separate
 * normalised surname and name columns (GIN), equality on (ambito, birth_date). No similarity() scan
 * over the ambito (issue 4 benchmark note: ~170 ms at 200k rows).
 */
function candidates(plan: SearchPlan, birthDate: string | undefined, ambitoId: string | null): { person: RawBuilder<boolean>; alias: RawBuilder<boolean> | null } {
  const byDate = birthDate ? sql<boolean>`p.birth_date = ${birthDate}::date` : null;
  switch (plan.mode) {
    case 'code':
      return { person: sql`(p.fiscal_code = ${plan.code} OR p.fiscal_code_base = ${plan.base ?? plan.code})`, alias: null };
    case 'anonymous':
      return { person: sql`p.anonymous_code = ${plan.code}`, alias: null };
    case 'codePrefix':
      return { person: sql`p.fiscal_code LIKE ${`${plan.prefix}%`}`, alias: null };
    case 'none':
      return { person: byDate ?? sql`false`, alias: null };
    case 'name': {
      // With a birth date the date narrows to a handful of rows: rank them by name, no trigram filter.
      if (byDate) return { person: byDate, alias: sql`p.birth_date = ${birthDate}::date` };
      const parts: Array<RawBuilder<unknown>> = [
        sql`p.surname_norm LIKE ${`${escapeLike(plan.whole)}%`}`,
        sql`p.surname_norm % ${plan.whole}`,
        ...plan.splits.map((s) => sql`(p.surname_norm % ${s.surname} AND p.name_norm % ${s.name})`),
      ];
      const aliasTerms = [plan.whole, ...plan.splits.map((s) => s.surname)];
      return {
        person: sql<boolean>`(${sql.join(parts, sql` OR `)})`,
        alias: sql<boolean>`p.id = ANY(ARRAY(SELECT al.person_id FROM person_alias al WHERE al.ambito_id = ${ambitoId} AND (${sql.join(
          aliasTerms.map((t) => sql`al.surname_norm % ${t}`),
          sql` OR `,
        )})))`,
      };
    }
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

function aliasScore(plan: SearchPlan): RawBuilder<number> {
  if (plan.mode !== 'name') return sql<number>`0`;
  return sql<number>`coalesce((SELECT max(similarity(al.surname_norm || ' ' || coalesce(al.name_norm, ''), ${plan.whole}))
      FROM person_alias al WHERE al.person_id = p.id), 0)`;
}

export interface SearchInput {
  plan: SearchPlan;
  birthDate?: string;
  includeMerged: boolean;
  limit: number;
  previews: boolean;
}

/**
 * The candidate + ranking query for one ambito, with the two scope predicates given (the handler
 * passes `visibleTo`; bench/person-search passes the operator's scope written plainly, to measure
 * the same SQL without the pipeline).
 */
export function searchPersonsQuery(
  ambitoId: string | null,
  scope: { inScope: RawBuilder<boolean>; canUpdate: RawBuilder<boolean> },
  input: SearchInput,
): RawBuilder<SearchRow> {
  const { person, alias } = candidates(input.plan, input.birthDate, ambitoId);
  const dateFilter = input.birthDate && input.plan.mode !== 'name' ? sql`AND p.birth_date = ${input.birthDate}::date` : sql``;
  const candidate = alias ? sql`(${person} OR ${alias})` : person;
  const minScore = input.plan.mode === 'name' ? (input.birthDate ? 0.2 : 0.3) : 0;
  // `OFFSET 0` keeps the candidate scan a subquery of its own, so each score (several similarity()
  // calls and the alias lookup) is computed once per candidate, not again in the filter and the
  // sort; the ente is joined to the page only.
  return sql<SearchRow>`
    SELECT x.*, e.name AS ente_name FROM (
      SELECT * FROM (
        SELECT p.id, p.anonymous, p.anonymous_code, p.fiscal_code, p.fiscal_code_kind, p.surname, p.name, p.sex,
               p.birth_date, p.birth_place_name, p.ente_id, p.date_of_death, p.protection_reason,
               p.surname_norm, p.name_norm,
               ${scope.inScope} AS in_scope,
               ${scope.canUpdate} AS can_update,
               ${nameScore(input.plan)} AS name_score,
               ${aliasScore(input.plan)} AS alias_score
          FROM person p
         WHERE p.ambito_id = ${ambitoId} AND p.archived_at IS NULL
           ${input.includeMerged ? sql`` : sql`AND p.merged_into IS NULL`}
           AND ${candidate} ${dateFilter}
        OFFSET 0
      ) c
      WHERE (c.in_scope OR (${input.previews} AND c.protection_reason IS NULL))
        AND GREATEST(c.name_score, c.alias_score) >= ${minScore}
      ORDER BY GREATEST(c.name_score, c.alias_score) DESC, c.surname_norm, c.name_norm, c.id
      LIMIT ${input.limit}
    ) x JOIN ente e ON e.id = x.ente_id
    ORDER BY GREATEST(x.name_score, x.alias_score) DESC, x.surname_norm, x.name_norm, x.id`;
}

/**
 * Ranked matches in the actor's ambito. People outside the actor's scope are returned too (the
 * identification preview of the architecture), flagged `in_scope = false`, unless `previews` is off;
 * protected people outside the scope are never returned (issue 4, point 5).
 */
export async function searchPersons(db: Kysely<DB>, actor: Actor, input: SearchInput): Promise<SearchRow[]> {
  const scope = { inScope: visibleTo(actor, 'persons.get', PERSON, 'p'), canUpdate: visibleTo(actor, 'persons.update', PERSON, 'p') };
  const r = await searchPersonsQuery(actor.context!.ambitoId, scope, input).execute(db);
  return r.rows.map((row) => ({ ...row, score: Number(Math.max(row.name_score, row.alias_score).toFixed(3)) || (input.plan.mode === 'name' ? 0 : 1) }));
}
