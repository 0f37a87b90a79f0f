import type { Kysely } from 'kysely';
import { alertTypeDefaults, alertTypes, type AlertPreference, type AlertType } from '@siso/shared';
import type { DB } from '../db/types.js';

/** The operator's preference for each known alert type: their own row, else the type's default. */
export async function preferencesOf(db: Kysely<DB>, operatorId: string): Promise<AlertPreference[]> {
  const rows = await db.selectFrom('alert_preference').select(['alert_type', 'in_app', 'email']).where('operator_id', '=', operatorId).execute();
  const own = new Map(rows.map((r) => [r.alert_type, r]));
  return alertTypes.map((type) => {
    const r = own.get(type);
    return r ? { type, inApp: r.in_app, email: r.email } : { type, ...alertTypeDefaults[type] };
  });
}

/** What a notice needs to know of one recipient: how they want this type, and where and in which language to mail. */
export interface RecipientChoice {
  operatorId: string;
  inApp: boolean;
  email: boolean;
  address: string | null;
  givenName: string;
  locale: 'it' | 'en';
}

/**
 * Each enabled operator among `operatorIds` with their choice for `type` — their own row, else the
 * type's default (alertTypeDefaults) — in one query, however many recipients a notice has.
 */
export async function choicesFor(db: Kysely<DB>, operatorIds: readonly string[], type: AlertType): Promise<RecipientChoice[]> {
  if (operatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('operator as o')
    .leftJoin('alert_preference as p', (j) => j.onRef('p.operator_id', '=', 'o.id').on('p.alert_type', '=', type))
    .select(['o.id', 'o.email as address', 'o.given_name', 'o.locale', 'p.in_app', 'p.email'])
    .where('o.id', 'in', [...operatorIds])
    .where('o.disabled_at', 'is', null)
    .orderBy('o.id')
    .execute();
  const byDefault = alertTypeDefaults[type];
  return rows.map((r) => ({
    operatorId: r.id,
    inApp: r.in_app ?? byDefault.inApp,
    email: r.email ?? byDefault.email,
    address: r.address,
    givenName: r.given_name,
    locale: r.locale === 'en' ? 'en' : 'it',
  }));
}
