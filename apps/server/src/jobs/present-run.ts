import type { Selectable } from 'kysely';
import type { JobRun } from '@siso/shared';
import type { JobRun as JobRunTable } from '../db/types.js';

export function presentRun(r: Selectable<JobRunTable>): JobRun {
  return {
    id: r.id,
    jobName: r.job_name,
    jobVersion: r.job_version,
    status: r.status as JobRun['status'],
    attempt: r.attempt,
    trigger: r.trigger as JobRun['trigger'],
    queuedAt: r.queued_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    durationMs: r.duration_ms,
    progress: { done: r.progress_done, total: r.progress_total, message: r.progress_message },
    error: r.error,
  };
}
