import { sql } from 'kysely';
import { systemGet } from '@siso/shared';
import { defineHandler } from '../../http/action.js';

/** "Informazioni di sistema" for administrators: what runs, on which database, at which schema. */
export const getSystemInfo = defineHandler(systemGet, async (ctx) => {
  const { services } = ctx;
  const [server, migrations, reference, jobs] = await Promise.all([
    sql<{ v: string }>`SELECT version() AS v`.execute(ctx.tx),
    ctx.tx.selectFrom('schema_migration').select(['id', 'name', 'applied_at']).orderBy('id').execute(),
    ctx.tx.selectFrom('ref_dataset').select(['name', 'row_count']).orderBy('name').execute(),
    sql<{ queued: number; running: number; failed: number }>`
      SELECT count(*) FILTER (WHERE status IN ('queued','retrying'))::int AS queued,
             count(*) FILTER (WHERE status = 'running')::int AS running,
             count(*) FILTER (WHERE status = 'failed' AND queued_at > now() - interval '24 hours')::int AS failed
        FROM job_run`.execute(ctx.tx),
  ]);
  const j = jobs.rows[0] ?? { queued: 0, running: 0, failed: 0 };
  return {
    version: services.version,
    node: process.version,
    startedAt: services.startedAt.toISOString(),
    db: { kind: services.database.kind, serverVersion: server.rows[0]?.v ?? '' },
    migrations: migrations.map((m) => ({ id: m.id, name: m.name, appliedAt: m.applied_at.toISOString() })),
    referenceData: reference.map((r) => ({ name: r.name, rows: Number(r.row_count) })),
    jobs: { queued: j.queued, running: j.running, failedLast24h: j.failed, definitions: services.jobs.definitions.length },
  };
});
