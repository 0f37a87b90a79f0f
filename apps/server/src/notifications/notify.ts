import type { AlertType } from '@siso/shared';
import type { Tx } from '../db/transaction.js';
import { raiseAlert } from './alerts.js';
import { queueEmail } from './email-outbox.js';
import { choicesFor } from './preferences.js';

/** What a notice says; the same for every recipient. */
export interface Notice {
  ambitoId: string | null;
  enteId: string;
  /** A type of the catalogue (alertTypeDefaults): the one each recipient's preference is looked up by. */
  type: AlertType;
  /** Shown in the header bell and mailed: numbers and office names only, never special-category data. */
  title: string;
  body?: string;
  link?: { kind: string; id: string } | null;
  expiresAt?: Date | null;
  /** The mail's template and its parameters (default 'alert.new': "something is waiting in SISO"). */
  email?: { template: string; params: Record<string, string> };
  /** Makes the mail's link absolute. */
  publicUrl: string;
}

export interface Delivery {
  operatorId: string;
  alertId: string | null;
  emailId: string | null;
}

/**
 * The one way an alert is produced (notifications/one-producer.test.ts keeps it so): for each
 * operator, an in-app alert when their preference for `notice.type` has in-app on, and an e-mail
 * when it has e-mail on and they have an address (alerts.setPreferences; defaults per type in
 * alertTypeDefaults, docs/notifications.md). Offices and enti are turned into operators first
 * (`operatorsOf`), because a preference is an operator's. Runs in the caller's transaction, so the
 * alerts and mails exist if and only if the change they announce committed. Disabled operators are
 * told nothing.
 */
export async function notify(tx: Tx, operatorIds: readonly string[], notice: Notice): Promise<Delivery[]> {
  const { email, publicUrl, ...alert } = notice;
  const deliveries: Delivery[] = [];
  for (const who of await choicesFor(tx, [...new Set(operatorIds)], notice.type)) {
    const alertId = who.inApp ? await raiseAlert(tx, { ...alert, recipient: { kind: 'operator', id: who.operatorId } }) : null;
    const emailId =
      who.email && who.address
        ? await queueEmail(tx, {
            to: who.address,
            template: email?.template ?? 'alert.new',
            locale: who.locale,
            params: { name: who.givenName, title: notice.title, url: publicUrl, ...email?.params },
            ambitoId: notice.ambitoId,
          })
        : null;
    deliveries.push({ operatorId: who.operatorId, alertId, emailId });
  }
  return deliveries;
}
