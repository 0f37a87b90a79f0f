import { sql, type DeleteResult } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../job-definition.js';
import { WINDOW_SECONDS } from '../../auth/login-throttle.js';

/**
 * Removes what has no reason to be kept (GDPR art. 5(1)(e), storage limitation): expired sessions,
 * idempotency keys past their 24 h window, delivered outbox rows, expired alerts and failed logins
 * that left the rate limit's window (auth/login-throttle.ts).
 * Audit rows are never touched here (retention behind signed checkpoints, access issue).
 */
export const maintenanceCleanupJob = defineJob({
  name: 'maintenance.cleanup',
  version: 1,
  title: 'Pulizia periodica',
  description: 'Elimina sessioni scadute, chiavi di idempotenza oltre 24 ore, outbox consegnata, avvisi scaduti e tentativi di accesso falliti fuori finestra.',
  payload: z.object({}),
  retryLimit: 2,
  retryDelaySeconds: 60,
  expireInSeconds: 1800,
  runAs: 'system',
  manual: true,
  async handler(ctx) {
    const steps: Array<[string, () => Promise<DeleteResult>]> = [
      ['session', () => ctx.db.deleteFrom('session').where(sql<boolean>`expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'`).executeTakeFirst()],
      ['idempotency_key', () => ctx.db.deleteFrom('idempotency_key').where('created_at', '<', sql<Date>`now() - interval '24 hours'`).executeTakeFirst()],
      ['outbox', () => ctx.db.deleteFrom('outbox').where('dispatched_at', '<', sql<Date>`now() - interval '7 days'`).executeTakeFirst()],
      ['alert', () => ctx.db.deleteFrom('alert').where('expires_at', '<', sql<Date>`now()`).executeTakeFirst()],
      ['login_failure', () => ctx.db.deleteFrom('login_failure').where('at', '<=', sql<Date>`now() - make_interval(secs => ${WINDOW_SECONDS})`).executeTakeFirst()],
    ];
    const removed: Record<string, number> = {};
    for (const [i, [table, run]] of steps.entries()) {
      await ctx.progress(i, steps.length, table);
      removed[table] = Number((await run()).numDeletedRows);
    }
    await ctx.progress(steps.length, steps.length, 'fatto');
    return removed;
  },
});
