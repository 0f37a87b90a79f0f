import { sql } from 'kysely';
import { proposalsFind } from '@siso/shared';
import { decodeCursor, encodeCursor } from '../../../db/keyset.js';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { presentProposals, proposalInbox, selectProposals } from './proposal-repo.js';

/**
 * The proposals inbox of the actor's ente, at its professional social service (issue 5, point 5):
 * newest first, keyset-paged on (created_at, id), optionally by status. People are masked per class
 * and audited as read.
 */
export const findProposals = defineHandler(proposalsFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const cursor = decodeCursor(input.cursor, 2);
  const where = sql.join(
    [
      proposalInbox(actor),
      input.status ? sql`t.status = ${input.status}` : sql`true`,
      cursor ? sql`(t.created_at, t.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)` : sql`true`,
    ],
    sql` AND `,
  );
  const rows = await selectProposals(ctx.tx, actor, where, input.limit + 1, { inbox: true });
  const shown = rows.slice(0, input.limit);
  const items = await presentProposals(ctx, ctx.tx, actor, shown);
  const last = shown[shown.length - 1];
  const page = { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.created_key, last.id]) : null };
  return page;
});
