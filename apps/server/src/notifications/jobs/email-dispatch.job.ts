import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition.js';
import { enqueueViaOutbox } from '../../jobs/outbox.js';

/** Safety net: re-queues e-mails still pending 10 minutes after they were written. */
export const emailDispatchJob = defineJob({
  name: 'email.dispatch',
  version: 1,
  title: 'Ripresa coda e-mail',
  description: 'Rimette in coda i messaggi rimasti in attesa (ad esempio dopo un riavvio).',
  payload: z.object({}),
  retryLimit: 1,
  retryDelaySeconds: 60,
  expireInSeconds: 600,
  runAs: 'system',
  manual: true,
  async handler(ctx) {
    const pending = await ctx.db
      .selectFrom('email_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('created_at', '<', sql<Date>`now() - interval '10 minutes'`)
      .where('attempts', '<', 6)
      .limit(1000)
      .execute();
    for (const [i, row] of pending.entries()) {
      await ctx.db.transaction().execute((tx) => enqueueViaOutbox(tx, 'email.send', { emailId: row.id }));
      await ctx.progress(i + 1, pending.length);
    }
    ctx.services.afterCommit();
    return { requeued: pending.length };
  },
});
