import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition.js';

/** Delivers one queued e-mail; pg-boss retries with backoff when the SMTP server refuses. */
export const emailSendJob = defineJob({
  name: 'email.send',
  version: 1,
  title: 'Invio e-mail',
  description: "Invia un messaggio della coda e-mail (con nuovi tentativi in caso di errore del server SMTP).",
  payload: z.object({ emailId: z.uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  expireInSeconds: 120,
  runAs: 'system',
  manual: false,
  async handler(ctx, { emailId }) {
    const mail = await ctx.db.selectFrom('email_outbox').selectAll().where('id', '=', emailId).executeTakeFirst();
    if (!mail || mail.status === 'sent') return { skipped: true };
    try {
      const messageId = await ctx.services.mailer.send({
        to: mail.to_address,
        subject: mail.subject,
        text: mail.body_text,
        html: mail.body_html,
      });
      await ctx.db
        .updateTable('email_outbox')
        .set({ status: 'sent', sent_at: sql`now()`, message_id: messageId, attempts: sql`attempts + 1`, last_error: null })
        .where('id', '=', emailId)
        .execute();
      return { messageId };
    } catch (err) {
      await ctx.db
        .updateTable('email_outbox')
        .set({
          attempts: sql`attempts + 1`,
          last_error: err instanceof Error ? err.message : String(err),
          status: ctx.attempt > 5 ? 'failed' : 'pending',
        })
        .where('id', '=', emailId)
        .execute();
      throw err;
    }
  },
});
