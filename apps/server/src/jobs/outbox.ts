import crypto from 'node:crypto';
import type { Tx } from '../db/transaction.js';

/**
 * Enqueue a job atomically with the change that causes it (transactional outbox): the run row and the
 * outbox row commit with the request, and the dispatcher hands them to the queue after commit. A job
 * is never sent for a change that rolled back, and never lost for one that committed.
 */
export async function enqueueViaOutbox(
  tx: Tx,
  jobName: string,
  payload: Record<string, unknown>,
  opts: { trigger?: 'manual' | 'event'; requestedBy?: string | null; requestedEnteId?: string | null; jobVersion?: number } = {},
): Promise<string> {
  const runId = crypto.randomUUID();
  await tx
    .insertInto('job_run')
    .values({
      id: runId,
      job_name: jobName,
      job_version: opts.jobVersion ?? 1,
      trigger: opts.trigger ?? 'event',
      status: 'queued',
      requested_by: opts.requestedBy ?? null,
      requested_ente_id: opts.requestedEnteId ?? null,
      payload: JSON.stringify(payload),
    })
    .execute();
  await tx
    .insertInto('outbox')
    .values({ kind: 'job', name: jobName, payload: JSON.stringify({ runId, payload }) })
    .execute();
  return runId;
}
