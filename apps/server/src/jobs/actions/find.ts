import { jobsFind } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { schedule } from '../schedule.js';
import { presentRun } from '../present-run.js';

export const findJobs = defineHandler(jobsFind, async (ctx) => {
  const defs = ctx.services.jobs.definitions;
  // Last run of every job in one query (no N+1 over definitions).
  const last = await ctx.tx
    .selectFrom('job_run')
    .selectAll()
    .distinctOn('job_name')
    .orderBy('job_name')
    .orderBy('queued_at', 'desc')
    .execute();
  const byName = new Map(last.map((r) => [r.job_name, r]));
  return {
    items: defs.map((d) => {
      const run = byName.get(d.name);
      return {
        name: d.name,
        version: d.version,
        title: d.title,
        description: d.description,
        schedule: schedule[d.name] ?? null,
        retryLimit: d.retryLimit,
        manual: d.manual,
        lastRun: run ? presentRun(run) : null,
      };
    }),
  };
});
