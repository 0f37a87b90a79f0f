import { sql } from 'kysely';
import { intakeTransfersFind } from '@siso/shared';
import { decodeCursor, toPage } from '../../../db/keyset.js';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { isDeskInbox, transferDeskFilter } from './transfer-scope.js';
import { presentTransfer, selectTransfers } from './transfer-repo.js';

/**
 * The desk's inbox (received) or outbox (sent), newest first, keyset-paged on (sent_at, id). The
 * snapshot is masked with the classes the actor reads at their desk; the people whose names are shown
 * and the classes read are audited.
 */
export const findTransfers = defineHandler(intakeTransfersFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const cursor = decodeCursor(input.cursor, 2);
  const where = sql.join(
    [
      transferDeskFilter(actor, input.direction),
      input.status ? sql`t.status = ${input.status}` : sql`true`,
      cursor ? sql`(t.sent_at, t.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)` : sql`true`,
    ],
    sql` AND `,
  );
  const rows = await selectTransfers(ctx.tx, actor, where, input.limit + 1, { inbox: isDeskInbox(actor, input.direction) });
  return toPage(rows, input.limit, (r) => [r.sent_key, r.id], (r) => presentTransfer(ctx, actor, r));
});
