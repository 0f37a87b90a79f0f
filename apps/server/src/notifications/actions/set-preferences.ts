import { sql } from 'kysely';
import { alertsSetPreferences } from '@siso/shared';
import { defineHandler } from '../../http/action.js';
import { preferencesOf } from '../preferences.js';

/** alerts.setPreferences: stores the listed types (others keep their value) and returns them all. */
export const setAlertPreferences = defineHandler(alertsSetPreferences, async (ctx, input) => {
  const operatorId = ctx.actor!.operatorId;
  // One row per type (the last wins): an upsert may not touch a row twice.
  const items = [...new Map(input.items.map((p) => [p.type, p])).values()];
  await ctx.tx
    .insertInto('alert_preference')
    .values(items.map((p) => ({ operator_id: operatorId, alert_type: p.type, in_app: p.inApp, email: p.email })))
    .onConflict((oc) =>
      oc.columns(['operator_id', 'alert_type']).doUpdateSet({
        in_app: (eb) => eb.ref('excluded.in_app'),
        email: (eb) => eb.ref('excluded.email'),
        updated_at: sql`now()`,
      }),
    )
    .execute();
  ctx.audit({ targets: [{ kind: 'operator', id: operatorId }], details: { types: items.map((p) => p.type) } });
  return { items: await preferencesOf(ctx.tx, operatorId) };
});
