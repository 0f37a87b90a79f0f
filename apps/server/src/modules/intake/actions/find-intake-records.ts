import { intakeRecordsFind } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { findIntakeSummaries } from '../intake-find.js';

/** intakeRecords.find (issue 5, point 1): a desk's schede by period, status and outcome; the people listed are audited. */
export const findIntakeRecords = defineHandler(intakeRecordsFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const { limit, cursor, ...filters } = input;
  return findIntakeSummaries(ctx, ctx.tx, actor, filters, { limit, cursor });
});
