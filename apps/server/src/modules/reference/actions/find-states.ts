import { sql, type RawBuilder } from 'kysely';
import { referenceStates } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { nameMatchSql, nameRankSql } from '../reference.repo.js';

/**
 * reference.states: foreign states and territories (ANPR tabella 2) by name or Belfiore Z-code.
 * Nothing is excluded — ceased states included — because birthplaces and citizenships of the past
 * must stay expressible; the whole table (~240 rows) when neither filter is given.
 */
export const findStates = defineHandler(referenceStates, async (ctx, input) => {
  const filters: Array<RawBuilder<unknown>> = [sql`true`];
  const q = input.q && input.q.length > 0 ? input.q : undefined;
  if (q) filters.push(nameMatchSql(sql.ref('s.name_norm'), q));
  if (input.belfiore) filters.push(sql`s.belfiore = ${input.belfiore}`);
  const rank = q ? sql`${nameRankSql(sql.ref('s.name_norm'), q)} DESC, ` : sql``;
  const r = await sql<{ code: string; belfiore: string | null; name: string; iso_alpha2: string | null; iso_numeric: number | null }>`
    SELECT s.code, s.belfiore, s.name, s.iso_alpha2, s.iso_numeric
      FROM ref_stato_estero s
     WHERE ${sql.join(filters, sql` AND `)}
     ORDER BY ${rank}s.name, s.code`.execute(ctx.tx);
  return {
    items: r.rows.map((s) => ({
      code: s.code,
      belfiore: s.belfiore,
      name: s.name,
      isoAlpha2: s.iso_alpha2,
      isoNumeric: s.iso_numeric === null ? null : Number(s.iso_numeric),
    })),
  };
});
