import { sql } from 'kysely';
import { personsHistory } from '@siso/shared';
import { MASKED } from '../../../access/masking.js';
import { decodeCursor, toPage } from '../../../db/keyset.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { PERSON } from '../person-kinds.js';
import { loadPerson } from '../person-repo.js';
import { presentChange } from '../person-present.js';
import { visible } from '../../../access/visibility.js';

type Change = { field: string; before: unknown; after: unknown };

/**
 * persons.history (issue 4, point 9): who changed what and when, newest first. Each change is
 * masked by the class of the person's field it changed, through the history kind's presenter (with
 * a break-the-glass opened on the person); a protected person's addresses and household links stay
 * hidden unless granted.
 */
export const getPersonHistory = defineHandler(personsHistory, async (ctx, input) => {
  const actor = actorOf(ctx);
  const person = await loadPerson(ctx.tx, actor, input.id);
  if (!person) throw new AppError('not_found');
  const after = decodeCursor(input.cursor, 2);
  const r = await sql<{ id: string; at: Date; operator_name: string | null; source: 'manual'; changes: Change[]; note: string | null }>`
    SELECT h.id, h.at, o.given_name || ' ' || o.family_name AS operator_name, h.source, h.changes, h.note
      FROM person_history h LEFT JOIN operator o ON o.id = h.operator_id
     WHERE h.person_id = ${person.id} AND ${visible(actor, 'personHistory', 'h')}
       ${after ? sql`AND (h.at, h.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
     ORDER BY h.at DESC, h.id DESC LIMIT ${input.limit + 1}`.execute(ctx.tx);
  // The read of this person's history (the target the DPO looks for); the changes note their classes.
  ctx.audit({ subjectPeople: [person.id], targets: [{ kind: PERSON, id: person.id }] });
  return toPage(r.rows, input.limit, (h) => [h.at.toISOString(), h.id], (h) => ({
    id: h.id,
    at: h.at.toISOString(),
    operatorName: h.operator_name,
    source: h.source,
    changes: h.changes.map((c) => {
      const shown = presentChange(ctx, actor, person, h.id, c);
      return shown === MASKED ? { field: c.field, before: MASKED, after: MASKED } : c;
    }),
    note: h.note,
  }));
});
