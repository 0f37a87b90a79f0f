import { operatorsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../require-actor.js';
import { findOperatorInReach, presentOperators } from '../operators.repo.js';

/** operators.get: one operator within reach, with their assignments there (audited read). */
export const getOperator = defineHandler(operatorsGet, async (ctx, input) => {
  const actor = actorOf(ctx);
  const row = await findOperatorInReach(ctx.tx, actor, 'operators.get', input.id);
  if (!row) throw new AppError('not_found');
  const [view] = await presentOperators(ctx.tx, actor, 'operators.get', [row], ctx.audit);
  return view!;
});
