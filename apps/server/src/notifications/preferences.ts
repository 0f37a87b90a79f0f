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

/** One type's preference (types outside the catalogue: in-app only). */
export async function preferenceOf(db: Kysely<DB>, operatorId: string, type: string): Promise<{ inApp: boolean; email: boolean }> {
  const r = await db
    .selectFrom('alert_preference')
    .select(['in_app', 'email'])
    .where('operator_id', '=', operatorId)
    .where('alert_type', '=', type)
    .executeTakeFirst();
  if (r) return { inApp: r.in_app, email: r.email };
  return type in alertTypeDefaults ? { ...alertTypeDefaults[type as AlertType] } : { inApp: true, email: false };
}
