import { sql } from 'kysely';
import { authSessions } from '@siso/shared';
import { defineHandler } from '../../http/action.js';

/** auth.sessions: the operator's live sessions, so an unknown device can be noticed (OWASP ASVS 3.3.4). */
export const listSessions = defineHandler(authSessions, async (ctx) => {
  const actor = ctx.actor!;
  const idle = ctx.services.config.session.idleMinutes;
  const rows = await ctx.tx
    .selectFrom('session')
    .select(['token_hash', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('operator_id', '=', actor.operatorId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idle})`)
    .orderBy('last_seen_at', 'desc')
    .limit(100)
    .execute();
  return {
    items: rows.map((r) => ({
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      ip: r.ip,
      userAgent: r.user_agent,
      current: r.token_hash === actor.sessionHash,
    })),
  };
});
