import crypto from 'node:crypto';
import type { Locale } from '@siso/shared';
import type { Tx } from '../db/transaction.js';
import { enqueueViaOutbox } from '../jobs/outbox.js';
import { renderEmail } from './email-templates.js';

/**
 * Queues an e-mail in the caller's transaction: the message row and the job that sends it commit
 * with the change, and the `email.send` job delivers it (with retries) after the commit.
 */
export async function queueEmail(
  tx: Tx,
  mail: { to: string; template: string; locale: Locale; params: Record<string, string>; ambitoId?: string | null },
): Promise<string> {
  const id = crypto.randomUUID();
  const rendered = renderEmail(mail.template, mail.locale, mail.params);
  await tx
    .insertInto('email_outbox')
    .values({
      id,
      ambito_id: mail.ambitoId ?? null,
      to_address: mail.to,
      template: mail.template,
      locale: mail.locale,
      subject: rendered.subject,
      body_text: rendered.text,
      body_html: rendered.html,
    })
    .execute();
  await enqueueViaOutbox(tx, 'email.send', { emailId: id });
  return id;
}
