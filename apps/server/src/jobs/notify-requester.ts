import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { notify } from '../notifications/notify.js';
import type { JobDefinition } from './job-definition.js';

/**
 * Tells the operator who started a job by hand how it ended: by default an in-app alert always, and an
 * e-mail when it failed for good (so a failed night-long import is not discovered days later).
 */
export async function notifyRequester(
  db: Kysely<DB>,
  def: JobDefinition,
  runId: string,
  outcome: 'succeeded' | 'failed',
  publicUrl: string,
): Promise<void> {
  const run = await db
    .selectFrom('job_run')
    .innerJoin('operator', 'operator.id', 'job_run.requested_by')
    .innerJoin('ente', 'ente.id', 'job_run.requested_ente_id')
    .select(['operator.id as operatorId', 'ente.id as enteId', 'ente.ambito_id', 'job_run.attempt'])
    .where('job_run.id', '=', runId)
    .where('job_run.trigger', '=', 'manual')
    .executeTakeFirst();
  if (!run) return;
  // Per the operator's alert preferences (alerts.setPreferences): in-app and/or e-mail.
  await db.transaction().execute(async (tx) => {
    await notify(tx, [run.operatorId], {
      ambitoId: run.ambito_id,
      enteId: run.enteId,
      type: outcome === 'succeeded' ? 'job.succeeded' : 'job.failed',
      title: outcome === 'succeeded' ? `Job «${def.title}» completato` : `Job «${def.title}» non riuscito`,
      link: { kind: 'jobRun', id: runId },
      publicUrl,
      email:
        outcome === 'failed'
          ? { template: 'job.failed', params: { job: def.title, attempts: String(run.attempt), url: `${publicUrl}/sistema/job` } }
          : undefined,
    });
  });
}
