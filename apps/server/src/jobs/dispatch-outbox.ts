import { sql, type Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import type { DB } from '../db/types.js';
import type { JobDefinition } from './job-definition.js';

/**
 * Moves committed outbox rows to pg-boss. The pg-boss job id is the run id, so a row sent twice
 * (a crash between send and mark) is deduplicated by the queue instead of running twice.
 */
export async function dispatchOutbox(db: Kysely<DB>, boss: PgBoss, defs: Map<string, JobDefinition>): Promise<number> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'name', 'payload'])
    .where('dispatched_at', 'is', null)
    .where('attempts', '<', 20)
    .orderBy('id')
    .limit(100)
    .execute();
  for (const row of rows) {
    const data = row.payload as { runId: string; payload: Record<string, unknown> };
    try {
      if (!defs.has(row.name)) throw new Error(`unknown job ${row.name}`);
      await boss.send(row.name, data, { id: data.runId });
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('outbox').set({ dispatched_at: sql`now()` }).where('id', '=', row.id).execute();
        await tx.updateTable('job_run').set({ boss_job_id: data.runId }).where('id', '=', data.runId).execute();
      });
    } catch (err) {
      await db
        .updateTable('outbox')
        .set({ attempts: sql`attempts + 1`, last_error: err instanceof Error ? err.message : String(err) })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return rows.length;
}
