import { operatorsFind } from '@siso/shared';
import { sql } from 'kysely';
import { decodeCursor, toPage } from '../../../db/keyset.js';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../require-actor.js';
import { operatorColumns, operatorInReachSql, presentOperators } from '../operators.repo.js';

/**
 * operators.find: operators with an assignment within reach, by name (and by fiscal code or e-mail
 * only for profiles that read `personal`: architecture, "cannot filter by it either").
 */
export const findOperators = defineHandler(operatorsFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const after = decodeCursor(input.cursor, 3);
  let q = ctx.tx.selectFrom('operator as o').select(operatorColumns).where(operatorInReachSql(actor, 'operators.find', 'o.id'));
  if (input.q) {
    const like = `%${input.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const personal = actor.readable.has('personal');
    q = q.where(
      sql<boolean>`(lower(o.username) LIKE ${like} OR f_unaccent(lower(o.family_name || ' ' || o.given_name)) LIKE f_unaccent(${like})
        OR f_unaccent(lower(o.given_name || ' ' || o.family_name)) LIKE f_unaccent(${like})
        ${personal ? sql`OR lower(COALESCE(o.fiscal_code, '')) LIKE ${like} OR lower(COALESCE(o.email, '')) LIKE ${like}` : sql``})`,
    );
  }
  if (input.officeId) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM assignment fa WHERE fa.operator_id = o.id AND fa.office_id = ${input.officeId})`);
  if (after) q = q.where(sql<boolean>`(o.family_name, o.given_name, o.id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`);
  const rows = await q.orderBy('o.family_name').orderBy('o.given_name').orderBy('o.id').limit(input.limit + 1).execute();
  const page = toPage(rows, input.limit, (r) => [r.family_name, r.given_name, r.id], (r) => r);
  const items = await presentOperators(ctx.tx, actor, 'operators.find', page.items, ctx.audit);
  return { items, nextCursor: page.nextCursor };
});
