import { jobsStart } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { AppError } from '../../http/app-error.js';
import { detailsFromZod } from '../../http/error-body.js';
import { enqueueViaOutbox } from '../outbox.js';
import { presentRun } from '../present-run.js';

export const startJob = defineHandler(jobsStart, async (ctx, input) => {
  const def = ctx.services.jobs.get(input.name);
  if (!def || !def.manual) throw new AppError('not_found', [{ path: 'name', message: 'job_sconosciuto' }]);
  const payload = def.payload.safeParse(input.payload);
  if (!payload.success) throw new AppError('invalid_input', detailsFromZod(payload.error, 'payload'));
  const actor = ctx.actor!;
  const runId = await enqueueViaOutbox(ctx.tx, def.name, payload.data as Record<string, unknown>, {
    trigger: 'manual',
    requestedBy: actor.operatorId,
    requestedEnteId: actor.context?.enteId ?? null,
    jobVersion: def.version,
  });
  ctx.audit({ targets: [{ kind: 'jobRun', id: runId }], details: { job: def.name } });
  const run = await ctx.tx.selectFrom('job_run').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  return presentRun(run);
});
