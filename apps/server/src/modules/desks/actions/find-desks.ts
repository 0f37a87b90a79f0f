import { sql } from 'kysely';
import { desksFind } from '@siso/shared';
import { decodeCursor, encodeCursor } from '../../../db/keyset.js';
import { defineHandler } from '../../../http/action.js';
import { actorOf } from '../../organisation/require-actor.js';
import { deskReach } from '../desk-reach.js';
import { deskSortKey, presentDesk, selectDesks } from '../desk-repo.js';

/**
 * `configure`: the desks within the actor's reach with their configuration (or the defaults);
 * `destinations`: every desk of the region but the actor's own, for the send dialog — names only,
 * no configuration details (issue 5, points 4 and 6). `q` matches office or ente names.
 */
export const findDesks = defineHandler(desksFind, async (ctx, input) => {
  const actor = actorOf(ctx);
  const c = actor.context;
  const cursor = decodeCursor(input.cursor, 2);
  const like = input.q ? `%${input.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const byName = like ? sql`(o.name ILIKE ${like} OR e.name ILIKE ${like})` : sql`true`;
  const destinations = input.purpose === 'destinations';
  const scope = destinations ? sql`e.regione_id = ${c.regioneId} AND o.id <> ${c.officeId}` : deskReach(actor, 'desks.find');
  const rows = await selectDesks(ctx.tx, sql`${scope} AND ${byName}`, input.limit + 1, cursor ? [String(cursor[0]), String(cursor[1])] : undefined);
  const shown = rows.slice(0, input.limit);
  const canConfigure = actor.permissions.has('desks.configure');
  const items = shown.map((r) => presentDesk(actor, r, { canConfigure: canConfigure && !destinations, full: !destinations }));
  const last = shown[shown.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(deskSortKey(last)) : null };
});
