import { sql } from 'kysely';
import { referenceCodeList } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { todayInRome } from '../../persons/validate-person.js';

/**
 * reference.codeList: the values of one list (ref_code, e.g. anpr.stato_civile,
 * anpr.relazione_parentela) in force on `on` (default today in Europe/Rome; open bounds are NULL),
 * in the order of the source file, with the value's group where the list has one (`extra.class`).
 * An unknown list is simply empty.
 */
export const codeList = defineHandler(referenceCodeList, async (ctx, input) => {
  const on = input.on ?? todayInRome();
  const r = await sql<{ code: string; label: string | null; grp: string | null }>`
    SELECT r.code, r.label, r.extra->>'class' AS grp
      FROM ref_code r
     WHERE r.list = ${input.list}
       AND (r.valid_from IS NULL OR r.valid_from <= ${on}::date)
       AND (r.valid_to IS NULL OR r.valid_to >= ${on}::date)
     ORDER BY r.sort, r.code`.execute(ctx.tx);
  return { items: r.rows.map((c) => ({ code: c.code, label: c.label, group: c.grp })) };
});
