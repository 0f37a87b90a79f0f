import { alertsFind } from '@siso/shared';
import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../access/actor.js';
import { defineHandler } from '../../http/action.js';
import { decodeCursor, toPage } from '../../db/keyset.js';

/** Alerts addressed to the operator, to the current office or to the current ente. */
export function addressedTo(actor: Actor) {
  const c = actor.context!;
  return (eb: ExpressionBuilder<DB, 'alert'>) =>
    eb.or([
      eb.and([eb('alert.recipient_kind', '=', 'operator'), eb('alert.recipient_id', '=', actor.operatorId)]),
      eb.and([eb('alert.recipient_kind', '=', 'office'), eb('alert.recipient_id', '=', c.officeId)]),
      eb.and([eb('alert.recipient_kind', '=', 'ente'), eb('alert.recipient_id', '=', c.enteId)]),
    ]);
}

export const findAlerts = defineHandler(alertsFind, async (ctx, input) => {
  const actor = ctx.actor!;
  const after = decodeCursor(input.cursor, 2);
  const base = ctx.tx
    .selectFrom('alert')
    .leftJoin('alert_read', (j) => j.onRef('alert_read.alert_id', '=', 'alert.id').on('alert_read.operator_id', '=', actor.operatorId))
    .where(addressedTo(actor))
    .where((eb) => eb.or([eb('alert.expires_at', 'is', null), eb('alert.expires_at', '>', sql<Date>`now()`)]));
  let q = base.select(['alert.id', 'alert.type', 'alert.title', 'alert.body', 'alert.link_kind', 'alert.link_id', 'alert.created_at', 'alert_read.read_at']);
  if (input.unreadOnly) q = q.where('alert_read.read_at', 'is', null);
  if (after) q = q.where(sql<boolean>`(alert.created_at, alert.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const [rows, unread] = await Promise.all([
    q.orderBy('alert.created_at', 'desc').orderBy('alert.id', 'desc').limit(input.limit + 1).execute(),
    base.where('alert_read.read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const page = toPage(rows, input.limit, (r) => [r.created_at.toISOString(), r.id], (r) => ({
    id: r.id,
    type: r.type,
    title: r.title,
    body: r.body,
    link: r.link_kind && r.link_id ? { kind: r.link_kind, id: r.link_id } : null,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  }));
  return { ...page, unreadCount: Number(unread.n) };
});
