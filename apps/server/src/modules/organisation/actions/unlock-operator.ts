import { operatorsUnlock } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { findOperatorInReach, presentOperators } from '../operators.repo.js';
import { actorOf } from '../require-actor.js';

/** operators.unlock: clears the lockout after failed logins (failed_login_count, locked_until: migration 0003). */
export const unlockOperator = defineHandler(operatorsUnlock, async (ctx, input) => {
  const actor = actorOf(ctx);
  const old = await findOperatorInReach(ctx.tx, actor, 'operators.unlock', input.id);
  if (!old) throw new AppError('not_found');
  await ctx.tx
    .updateTable('operator')
    .set((eb) => ({ failed_login_count: 0, locked_until: null, version: eb('version', '+', 1), updated_at: new Date(), updated_by: actor.operatorId }))
    .where('id', '=', input.id)
    .execute();
  ctx.audit({
    targets: [{ kind: 'operator', id: input.id }],
    details: { failedLoginCount: { old: old.failed_login_count, new: 0 }, lockedUntil: { old: old.locked_until?.toISOString() ?? null, new: null } },
  });
  const fresh = await findOperatorInReach(ctx.tx, actor, 'operators.unlock', input.id);
  const [view] = await presentOperators(ctx.tx, actor, 'operators.unlock', [fresh!], () => undefined);
  return view!;
});
