import type { Locale } from '@siso/shared';
import type { Tx } from '../db/transaction.js';
import { raiseAlert, type NewAlert } from './alerts.js';
import { queueEmail } from './email-outbox.js';
import { preferenceOf } from './preferences.js';

/**
 * Notifies one operator as they asked (alerts.setPreferences): the in-app alert when in-app is on, an
 * e-mail when e-mail is on and the operator has an address. Runs in the caller's transaction, like
 * raiseAlert and queueEmail. `email.template` renders the message (default 'alert.new', which only
 * says that something is waiting in SISO: no special-category data by mail, GDPR art. 9 and 32).
 */
export async function notify(
  tx: Tx,
  a: Omit<NewAlert, 'recipient'> & {
    operatorId: string;
    email?: { template: string; params: Record<string, string> };
    publicUrl: string;
  },
): Promise<{ alertId: string | null; emailId: string | null }> {
  const pref = await preferenceOf(tx, a.operatorId, a.type);
  const { operatorId, email, publicUrl, ...alert } = a;
  const alertId = pref.inApp ? await raiseAlert(tx, { ...alert, recipient: { kind: 'operator', id: operatorId } }) : null;
  let emailId: string | null = null;
  if (pref.email) {
    const op = await tx.selectFrom('operator').select(['email', 'given_name', 'locale']).where('id', '=', operatorId).executeTakeFirst();
    if (op?.email) {
      const locale: Locale = op.locale === 'en' ? 'en' : 'it';
      emailId = await queueEmail(tx, {
        to: op.email,
        template: email?.template ?? 'alert.new',
        locale,
        params: email?.params ?? { name: op.given_name, title: a.title, url: publicUrl },
        ambitoId: a.ambitoId,
      });
    }
  }
  return { alertId, emailId };
}
