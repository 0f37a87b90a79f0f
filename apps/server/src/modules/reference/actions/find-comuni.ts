import { sql, type RawBuilder } from 'kysely';
import { referenceComuni } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { todayInRome } from '../../persons/validate-person.js';
import { nameMatchSql, nameRankSql } from '../reference.repo.js';

/**
 * reference.comuni: Italian comuni with their ANPR history, by name (prefix, contained text or
 * typo-tolerant trigram on `name_norm`), Belfiore or ISTAT code — only the rows in force on `on`
 * (default: today in Europe/Rome), so a birthplace is chosen among the comuni of the birth date.
 */
export const findComuni = defineHandler(referenceComuni, async (ctx, input) => {
  const on = input.on ?? todayInRome();
  const filters: Array<RawBuilder<unknown>> = [sql`c.valid_from <= ${on}::date`, sql`(c.valid_to IS NULL OR c.valid_to >= ${on}::date)`];
  if (input.q) filters.push(nameMatchSql(sql.ref('c.name_norm'), input.q));
  if (input.belfiore) filters.push(sql`c.belfiore = ${input.belfiore}`);
  if (input.istatCode) filters.push(sql`c.istat_code = ${input.istatCode}`);
  // A constant would be read as a column position: rank only when there is a name to rank by.
  const rank = input.q ? sql`${nameRankSql(sql.ref('c.name_norm'), input.q)} DESC, ` : sql``;
  const r = await sql<{ istat_code: string; belfiore: string | null; name: string; province_code: string; valid_from: string; valid_to: string | null }>`
    SELECT c.istat_code, c.belfiore, c.name, c.province_code, c.valid_from, c.valid_to
      FROM ref_comune c
     WHERE ${sql.join(filters, sql` AND `)}
     ORDER BY ${rank}c.name, c.valid_from DESC, c.anpr_id
     LIMIT ${input.limit}`.execute(ctx.tx);
  return {
    items: r.rows.map((c) => ({
      istatCode: c.istat_code,
      belfiore: c.belfiore,
      name: c.name,
      provinceCode: c.province_code,
      validFrom: c.valid_from,
      validTo: c.valid_to,
    })),
  };
});
