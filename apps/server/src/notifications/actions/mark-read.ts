import { alertsMarkRead } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { addressedTo } from './find.js';

export const markAlertsRead = defineHandler(alertsMarkRead, async (ctx, input) => {
  const actor = ctx.actor!;
  if (!input.all && (!input.ids || input.ids.length === 0)) {
    throw new AppError('invalid_input', [{ path: 'ids', message: 'required' }]);
  }
  // Only alerts addressed to this operator can be marked: someone else's ids are silently ignored.
  let q = ctx.tx
    .selectFrom('alert')
    .select(['alert.id'])
    .where(addressedTo(actor))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('alert_read').select('alert_id').whereRef('alert_read.alert_id', '=', 'alert.id').where('alert_read.operator_id', '=', actor.operatorId))),
    );
  if (!input.all) q = q.where('alert.id', 'in', input.ids!);
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length > 0) {
    await ctx.tx.insertInto('alert_read').values(ids.map((id) => ({ alert_id: id, operator_id: actor.operatorId }))).execute();
  }
  return { updated: ids.length };
});
