import { jobsFindRuns } from '@siso/shared';
import { sql } from 'kysely';
import { defineHandler } from '../../http/action.js';
import { decodeCursor, toPage } from '../../db/keyset.js';
import { presentRun } from '../present-run.js';

export const findJobRuns = defineHandler(jobsFindRuns, async (ctx, input) => {
  const after = decodeCursor(input.cursor, 2);
  let q = ctx.tx.selectFrom('job_run').selectAll();
  if (input.jobName) q = q.where('job_name', '=', input.jobName);
  if (input.status) q = q.where('status', '=', input.status);
  if (after) q = q.where(sql<boolean>`(queued_at, id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await q.orderBy('queued_at', 'desc').orderBy('id', 'desc').limit(input.limit + 1).execute();
  return toPage(rows, input.limit, (r) => [r.queued_at.toISOString(), r.id], presentRun);
});
