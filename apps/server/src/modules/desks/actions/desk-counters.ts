import { sql } from 'kysely';
import { desksCounters } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { deskCountersOf } from '../desk-counters-query.js';
import { deskReach } from '../desk-reach.js';

/**
 * Counters of a desk for a period (issue 5, point 8): the actor's current desk by default, or another
 * desk in their reach (their ente's; 404 beyond it).
 */
export const deskCounters = defineHandler(desksCounters, async (ctx, input) => {
  const actor = actorOf(ctx);
  const officeId = input.officeId ?? actor.context.officeId;
  if (officeId !== actor.context.officeId) {
    const r = await sql`SELECT 1 FROM office o JOIN ente e ON e.id = o.ente_id WHERE o.id = ${officeId} AND ${deskReach(actor, 'desks.counters')}`.execute(ctx.tx);
    if (r.rows.length === 0) throw new AppError('not_found');
  }
  return deskCountersOf(ctx.tx, actor, officeId, input.from, input.to);
});
