import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import { sql } from 'kysely';
import type { AppServices } from '../app-services.js';
import type { JobContext, JobDefinition } from './job-definition.js';
import { SCHEDULE_TZ, schedule } from './schedule.js';
import { dispatchOutbox } from './dispatch-outbox.js';
import { notifyRequester } from './notify-requester.js';

interface JobData {
  runId?: string;
  payload?: Record<string, unknown>;
}

/**
 * The queue (pg-boss 10, on PostgreSQL and on PGlite through the same pool), the workers that wrap
 * every run in its history row, the schedules of schedule.ts and the outbox dispatcher.
 */
export class JobService {
  private boss: PgBoss | null = null;
  private dispatchTimer: NodeJS.Timeout | null = null;
  private dispatching: Promise<void> | null = null;
  private readonly byName: Map<string, JobDefinition>;

  constructor(
    readonly definitions: JobDefinition[],
    private readonly log: FastifyBaseLogger,
  ) {
    this.byName = new Map(definitions.map((d) => [d.name, d]));
    for (const name of Object.keys(schedule)) {
      if (!this.byName.has(name)) throw new Error(`schedule.ts names an unknown job: ${name}`);
    }
  }

  get(name: string): JobDefinition | undefined {
    return this.byName.get(name);
  }

  get running(): boolean {
    return this.boss !== null;
  }

  async start(services: AppServices, opts: { pollingIntervalSeconds?: number } = {}): Promise<void> {
    const pool = services.database.pool;
    // Loaded here: main.ts starts the jobs after the server listens, so pg-boss is not part of a start.
    const { default: PgBossQueue } = await import('pg-boss');
    const boss = new PgBossQueue({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: 'pgboss',
    });
    boss.on('error', (err) => this.log.error({ err }, 'pg-boss error'));
    await boss.start();
    for (const def of this.definitions) {
      await boss.createQueue(def.name, {
        name: def.name,
        retryLimit: def.retryLimit,
        retryDelay: def.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: def.expireInSeconds,
      });
      await boss.work<JobData>(
        def.name,
        { includeMetadata: true, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async ([job]) => {
          if (job) await this.execute(services, def, job);
        },
      );
    }
    for (const [name, cron] of Object.entries(schedule)) await boss.schedule(name, cron, {}, { tz: SCHEDULE_TZ });
    this.boss = boss;
    this.dispatchTimer = setInterval(() => this.kick(services), 1000);
    this.dispatchTimer.unref();
  }

  /** Hands committed outbox rows to the queue; called after each commit and every second. */
  kick(services: AppServices): void {
    if (!this.boss || this.dispatching) return;
    const boss = this.boss;
    this.dispatching = dispatchOutbox(services.database.db, boss, this.byName)
      .then(() => undefined)
      .catch((err: unknown) => this.log.error({ err }, 'outbox dispatch failed'))
      .finally(() => (this.dispatching = null));
  }

  async stop(): Promise<void> {
    if (this.dispatchTimer) clearInterval(this.dispatchTimer);
    await this.dispatching;
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = null;
  }

  private async execute(services: AppServices, def: JobDefinition, job: PgBoss.JobWithMetadata<JobData>): Promise<void> {
    const db = services.database.db;
    const runId = job.data.runId ?? job.id;
    const attempt = job.retryCount + 1;
    // A scheduled job has no run row yet: pg-boss created it from the cron entry.
    await sql`
      INSERT INTO job_run (id, job_name, job_version, boss_job_id, trigger, status, attempt, started_at, payload)
      VALUES (${runId}, ${def.name}, ${def.version}, ${job.id}, 'schedule', 'running', ${attempt}, now(), ${JSON.stringify(job.data.payload ?? {})})
      ON CONFLICT (id) DO UPDATE SET status = 'running', attempt = ${attempt}, boss_job_id = ${job.id},
        started_at = now(), finished_at = NULL, duration_ms = NULL, error = NULL`.execute(db);
    const started = Date.now();
    let lastProgress = 0;
    const ctx: JobContext = {
      runId,
      attempt,
      db,
      services,
      log: this.log.child({ job: def.name, runId }),
      progress: async (done, total, message) => {
        const now = Date.now();
        if (now - lastProgress < 250 && total !== null && done < total) return;
        lastProgress = now;
        await db
          .updateTable('job_run')
          .set({ progress_done: done, progress_total: total, progress_message: message ?? null })
          .where('id', '=', runId)
          .execute();
      },
    };
    try {
      const payload = def.payload.parse(job.data.payload ?? {});
      const result = await def.handler(ctx, payload);
      await db
        .updateTable('job_run')
        .set({
          status: 'succeeded',
          finished_at: sql`now()`,
          duration_ms: Date.now() - started,
          result: JSON.stringify(result ?? {}),
        })
        .where('id', '=', runId)
        .execute();
      await this.notify(services, def, runId, 'succeeded');
    } catch (err) {
      const willRetry = job.retryCount < def.retryLimit;
      await db
        .updateTable('job_run')
        .set({
          status: willRetry ? 'retrying' : 'failed',
          finished_at: sql`now()`,
          duration_ms: Date.now() - started,
          error: (err instanceof Error ? err.message : String(err)).slice(0, 2000),
        })
        .where('id', '=', runId)
        .execute();
      if (!willRetry) await this.notify(services, def, runId, 'failed');
      throw err;
    }
  }

  private async notify(services: AppServices, def: JobDefinition, runId: string, outcome: 'succeeded' | 'failed'): Promise<void> {
    try {
      await notifyRequester(services.database.db, def, runId, outcome, services.config.publicUrl);
      this.kick(services);
    } catch (err) {
      this.log.error({ err, runId }, 'could not notify the job requester');
    }
  }
}
