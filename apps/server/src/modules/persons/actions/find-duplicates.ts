import { sql } from 'kysely';
import { computeFiscalCode, duplicateScore, personsFindDuplicates } from '@siso/shared';
import { visible, visibleTo } from '../../../access/visibility.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { PERSON } from '../person-kinds.js';
import { presentSummary } from '../person-present.js';

interface Candidate {
  id: string;
  fiscal_code: string | null;
  fiscal_code_kind: 'definitive' | 'temporary' | 'stp' | 'eni' | null;
  fiscal_code_base: string | null;
  anonymous_code: string | null;
  surname: string | null;
  name: string | null;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  birth_belfiore: string | null;
  date_of_death: string | null;
  ente_name: string;
  version: number;
  aliases: Array<{ surname: string; name: string | null }>;
}

const MAX_PAIRS = 5000;

/**
 * persons.findDuplicates (issue 4, point 7): pairs of likely duplicates among the people the actor
 * may merge or examine, scored by `duplicateScore` (@siso/shared, rules documented there). Candidate
 * pairs come from indexed joins only — same base fiscal code, or same birth date with similar names —
 * plus temporary-code people whose data compute to someone's definitive code. People protected for
 * adoption are never proposed (issue 4, point 5: never link an adopted child to the birth family).
 */
export const findDuplicates = defineHandler(personsFindDuplicates, async (ctx, input) => {
  const actor = actorOf(ctx);
  const ambitoId = actor.context.ambitoId;
  const seen = (alias: string) => visibleTo(actor, 'persons.findDuplicates', PERSON, alias);
  // Aliases are read with their person, under the same permission.
  const aliasSeen = (alias: string) => visible(actor, 'personAlias', alias, { permission: 'persons.findDuplicates' });
  const onlyFor = input.personId ? sql`AND (a.id = ${input.personId} OR b.id = ${input.personId})` : sql``;
  if (input.personId) {
    const own = await sql`SELECT 1 FROM person p WHERE p.id = ${input.personId} AND ${seen('p')}`.execute(ctx.tx);
    if (own.rows.length === 0) throw new AppError('not_found');
  }
  const live = (x: string) => sql.raw(`${x}.merged_into IS NULL AND ${x}.archived_at IS NULL AND ${x}.protection_reason IS DISTINCT FROM 'adoption'`);
  const pairs = await sql<{ a: string; b: string }>`
    SELECT a.id AS a, b.id AS b FROM person a JOIN person b
        ON b.ambito_id = a.ambito_id AND b.fiscal_code_base = a.fiscal_code_base AND a.id < b.id
     WHERE a.ambito_id = ${ambitoId} AND a.fiscal_code_base IS NOT NULL AND ${live('a')} AND ${live('b')} AND ${seen('a')} AND ${seen('b')} ${onlyFor}
    UNION
    SELECT a.id, b.id FROM person a JOIN person b
        ON b.ambito_id = a.ambito_id AND b.birth_date = a.birth_date AND a.id < b.id
     WHERE a.ambito_id = ${ambitoId} AND a.birth_date IS NOT NULL AND ${live('a')} AND ${live('b')} AND ${seen('a')} AND ${seen('b')} ${onlyFor}
       AND (similarity(coalesce(a.surname_norm, '') || ' ' || coalesce(a.name_norm, ''), coalesce(b.surname_norm, '') || ' ' || coalesce(b.name_norm, '')) >= 0.3
         OR similarity(coalesce(a.surname_norm, '') || ' ' || coalesce(a.name_norm, ''), coalesce(b.name_norm, '') || ' ' || coalesce(b.surname_norm, '')) >= 0.3
         OR EXISTS (SELECT 1 FROM person_alias al WHERE al.person_id IN (a.id, b.id) AND al.surname_norm IN (a.surname_norm, b.surname_norm) AND ${aliasSeen('al')}))
    LIMIT ${MAX_PAIRS}`.execute(ctx.tx);

  // Temporary codes: compute the definitive code the person's data would give and look it up.
  const temps = await sql<Candidate & { birth_belfiore: string | null }>`
    SELECT p.id, p.surname, p.name, p.sex, p.birth_date, p.birth_belfiore FROM person p
     WHERE p.ambito_id = ${ambitoId} AND p.fiscal_code_kind = 'temporary' AND ${live('p')} AND ${seen('p')}
     LIMIT ${MAX_PAIRS}`.execute(ctx.tx);
  const computed = new Map<string, string>();
  for (const t of temps.rows) {
    if (!t.surname || !t.name || !t.sex || !t.birth_date || !t.birth_belfiore) continue;
    try {
      computed.set(computeFiscalCode({ surname: t.surname, name: t.name, sex: t.sex, birthDate: t.birth_date, birthPlaceCode: t.birth_belfiore }), t.id);
    } catch {
      // Data the algorithm cannot encode (e.g. no letters in the name): nothing to compare.
    }
  }
  const pairList = pairs.rows.map((p) => [p.a, p.b] as const);
  if (computed.size > 0) {
    const hits = await sql<{ id: string; fiscal_code: string }>`
      SELECT p.id, p.fiscal_code FROM person p
       WHERE p.ambito_id = ${ambitoId} AND p.fiscal_code = ANY(${[...computed.keys()]}::text[]) AND ${live('p')} AND ${seen('p')}`.execute(ctx.tx);
    for (const h of hits.rows) {
      const t = computed.get(h.fiscal_code)!;
      if (!input.personId || input.personId === t || input.personId === h.id) pairList.push(t < h.id ? [t, h.id] : [h.id, t]);
    }
  }
  const ids = [...new Set(pairList.flat())];
  if (ids.length === 0) {
    ctx.audit({ details: { pairs: 0 } });
    return { items: [], nextCursor: null };
  }
  const people = await sql<Candidate>`
    SELECT p.id, p.fiscal_code, p.fiscal_code_kind, p.fiscal_code_base, p.anonymous_code, p.surname, p.name, p.sex, p.birth_date,
           p.birth_belfiore, p.date_of_death, e.name AS ente_name, p.version,
           coalesce((SELECT json_agg(json_build_object('surname', al.surname, 'name', al.name)) FROM person_alias al WHERE al.person_id = p.id AND ${aliasSeen('al')}), '[]') AS aliases
      FROM person p JOIN ente e ON e.id = p.ente_id
     WHERE p.id = ANY(${ids}::uuid[]) AND ${seen('p')}`.execute(ctx.tx);
  const byId = new Map(people.rows.map((p) => [p.id, p]));
  const side = (p: Candidate) => ({
    fiscalCode: p.fiscal_code, fiscalCodeKind: p.fiscal_code_kind, surname: p.surname, name: p.name, sex: p.sex,
    birthDate: p.birth_date, birthPlaceBelfiore: p.birth_belfiore, aliases: p.aliases,
  });
  const scored = pairList
    .flatMap(([a, b]) => {
      const pa = byId.get(a);
      const pb = byId.get(b);
      if (!pa || !pb) return [];
      const s = duplicateScore(side(pa), side(pb));
      return s.score >= input.minScore ? [{ a: pa, b: pb, score: Number(s.score.toFixed(3)), reasons: s.reasons }] : [];
    })
    .filter((v, i, all) => all.findIndex((w) => w.a.id === v.a.id && w.b.id === v.b.id) === i)
    .sort((x, y) => y.score - x.score)
    .slice(0, input.limit);
  // Only the people of the pairs returned are presented (and so audited), each as a listed row.
  const items = scored.map((p) => ({ ...p, a: presentSummary(ctx, actor, p.a, { listed: true }), b: presentSummary(ctx, actor, p.b, { listed: true }) }));
  ctx.audit({ details: { pairs: items.length } });
  return { items, nextCursor: null };
});
