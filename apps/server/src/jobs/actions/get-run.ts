import { jobsGetRun } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { presentRun } from '../present-run.js';

export const getJobRun = defineHandler(jobsGetRun, async (ctx, input) => {
  const run = await ctx.tx.selectFrom('job_run').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!run) throw new AppError('not_found');
  return presentRun(run);
});
