import { sql } from 'kysely';
import { personsHistory } from '@siso/shared';
import { MASKED } from '../../../access/masking.js';
import { decodeCursor, toPage } from '../../../db/keyset.js';
import { defineHandler } from '../../../http/action.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf } from '../../organisation/require-actor.js';
import { PERSON } from '../person-kinds.js';
import { loadPerson } from '../person-repo.js';
import { personFieldClasses, protectedFields } from '../persons.fields.js';
import { effectiveReadable } from '../../../access/break-glass.js';
import { visible } from '../../../access/visibility.js';

type Change = { field: string; before: unknown; after: unknown };

/**
 * persons.history (issue 4, point 9): who changed what and when, newest first. Old and new values
 * are masked by the class of their field, like the person itself; a protected person's addresses
 * stay hidden unless granted.
 */
export const getPersonHistory = defineHandler(personsHistory, async (ctx, input) => {
  const actor = actorOf(ctx);
  const person = await loadPerson(ctx.tx, actor, input.id);
  if (!person) throw new AppError('not_found');
  const readable = await effectiveReadable(ctx.tx, actor, PERSON, person.id);
  const after = decodeCursor(input.cursor, 2);
  const r = await sql<{ id: string; at: Date; operator_name: string | null; source: 'manual'; changes: Change[]; note: string | null }>`
    SELECT h.id, h.at, o.given_name || ' ' || o.family_name AS operator_name, h.source, h.changes, h.note
      FROM person_history h LEFT JOIN operator o ON o.id = h.operator_id
     WHERE h.person_id = ${person.id} AND ${visible(actor, 'personHistory', 'h')}
       ${after ? sql`AND (h.at, h.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
     ORDER BY h.at DESC, h.id DESC LIMIT ${input.limit + 1}`.execute(ctx.tx);
  const hidden = person.protection_reason !== null && !person.protection_granted;
  // Address and household changes are a protected person's whereabouts and family links (issue 4, point 5).
  const classOf = (field: string) => {
    if (field.startsWith('household.')) return 'personal' as const;
    const root = field.startsWith('address.') ? 'addresses' : field;
    return personFieldClasses[root as keyof typeof personFieldClasses] ?? 'special';
  };
  const fieldShown = (field: string) => {
    const root = field.startsWith('address.') ? 'addresses' : field;
    if (hidden && (field.startsWith('household.') || (protectedFields as readonly string[]).includes(root))) return false;
    return readable.has(classOf(field));
  };
  // The audit names the classes actually shown, not every class the profile could read.
  const shown = new Set(r.rows.slice(0, input.limit).flatMap((h) => h.changes.filter((c) => fieldShown(c.field)).map((c) => classOf(c.field))));
  ctx.audit({ subjectPeople: [person.id], targets: [{ kind: PERSON, id: person.id }], classesRead: [...shown] });
  return toPage(r.rows, input.limit, (h) => [h.at.toISOString(), h.id], (h) => ({
    id: h.id,
    at: h.at.toISOString(),
    operatorName: h.operator_name,
    source: h.source,
    changes: h.changes.map((c) => (fieldShown(c.field) ? c : { field: c.field, before: MASKED, after: MASKED })),
    note: h.note,
  }));
});
