import { fieldsFind } from '@siso/shared';
import { sql } from 'kysely';
import { decodeCursor, toPage } from '../../../db/keyset.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { inReach, reachOf } from '../../organisation/reach.js';
import { actorOf } from '../../organisation/require-actor.js';
import { presentField } from '../fields.repo.js';

/**
 * fields.find: the definitions an ambito uses — the region's templates and the ambito's own fields (the
 * actor's ambito by default; another one within reach for the system administrator, whose own context
 * has no ambito and sees the templates alone) — by target, position and key, keyset-paginated.
 */
export const findFields = defineHandler(fieldsFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const ambitoId = input.ambitoId ?? actor.context.ambitoId;
  if (ambitoId && !inReach(reachOf(actor, 'fields.find'), { ambitoId })) throw new AppError('not_found');
  const after = decodeCursor(input.cursor, 4);
  if (after && (typeof after[1] !== 'number' || !Number.isInteger(after[1]))) throw new AppError('invalid_input', [{ path: 'cursor', message: 'cursor_non_valido' }]);
  let q = ctx.tx
    .selectFrom('field_definition as f')
    .selectAll()
    .where('f.regione_id', '=', actor.context.regioneId)
    .where((eb) => (ambitoId ? eb.or([eb('f.ambito_id', 'is', null), eb('f.ambito_id', '=', ambitoId)]) : eb('f.ambito_id', 'is', null)));
  if (input.target) q = q.where('f.target', '=', input.target);
  if (!input.includeArchived) q = q.where('f.archived_at', 'is', null);
  if (after) q = q.where(sql<boolean>`(f.target, f.position, f.key, f.id) > (${after[0]}, ${after[1]}::int, ${after[2]}, ${after[3]}::uuid)`);
  const rows = await q.orderBy('f.target').orderBy('f.position').orderBy('f.key').orderBy('f.id').limit(input.limit + 1).execute();
  return toPage(rows, input.limit, (r) => [r.target, r.position, r.key, r.id], (r) => presentField(actor, r));
});
