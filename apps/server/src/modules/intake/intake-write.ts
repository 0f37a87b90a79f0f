import crypto from 'node:crypto';
import { sql } from 'kysely';
import { intakeSectionsInput, type IntakeSectionsInput } from '@siso/shared';
import type { ActionContext } from '../../http/action.js';
import { insertedBy } from '../../access/visibility.js';
import { ambitoActor } from '../persons/require-ambito.js';
import { todayInRome } from '../persons/validate-person.js';
import { assertDeskOpen, deskWritable, type DeskSettings } from './desk-access.js';
import { deskFields } from './intake-custom-fields.js';
import { INTAKE_RECORD } from './intake-kinds.js';
import { nextIntakeNumber } from './intake-numbers.js';
import { checkSections, emptySections, type StoredSections } from './intake-validate.js';

/**
 * The columns of a scheda from its sections: one jsonb per section, plus the plain columns lists,
 * counters and filters read (access date, mode, reason, contact point, person, outcome, category),
 * always written together so they never disagree with the sections.
 */
export function sectionColumns(s: StoredSections): Record<string, unknown> {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const a = s.access ?? {};
  const o = s.outcome ?? {};
  return {
    access: json(s.access),
    interlocutor: json(s.interlocutor),
    reference_persons: json(s.references),
    social: json(s.social),
    foreigner: json(s.foreigner),
    needs: json(s.needs),
    services: json(s.services),
    outcome_detail: json(s.outcome),
    custom: JSON.stringify(s.custom),
    access_date: a.date,
    access_mode: a.mode ?? null,
    access_reason: a.reason ?? null,
    contact_point_id: a.contactPointId ?? null,
    person_id: s.personId,
    outcome: o.type ?? null,
    social_category: o.socialCategory ?? null,
  };
}

/**
 * Inserts a scheda in the actor's desk (number, sections, custom fields); returns its id. `extra.settings`:
 * the actor's desk settings when the caller has read them already.
 */
export async function insertIntake(
  ctx: ActionContext,
  sections: IntakeSectionsInput,
  extra: { receivedFrom?: string; settings?: DeskSettings },
): Promise<string> {
  const actor = ambitoActor(ctx);
  const settings = await assertDeskOpen(ctx.tx, actor, extra.settings);
  const c = actor.context;
  const input = intakeSectionsInput.parse(sections);
  const today = todayInRome();
  const { all, offered } = await deskFields(ctx.tx, c, settings, input.access?.date ?? today);
  const writable = deskWritable(actor, settings);
  const { next, classesChanged } = await checkSections(ctx.tx, actor, { ambitoId: c.ambitoId, officeId: c.officeId }, writable, input, emptySections, { all, offered });

  const id = crypto.randomUUID();
  const number = await nextIntakeNumber(ctx.tx, c.enteId, Number(today.slice(0, 4)));
  await ctx.tx
    .insertInto('intake_record')
    .values({
      id, ambito_id: c.ambitoId, ente_id: c.enteId, office_id: c.officeId, created_by: actor.operatorId, updated_by: actor.operatorId,
      operator_id: actor.operatorId, number, received_from: extra.receivedFrom ?? null,
      ...(sectionColumns(next) as { access_date: string }),
    })
    .modifyEnd(insertedBy(actor, INTAKE_RECORD, { ambito_id: c.ambitoId }))
    .execute();
  ctx.audit({ subjectPeople: next.personId ? [next.personId] : [], targets: [{ kind: INTAKE_RECORD, id }], classesChanged });
  return id;
}

/** `col = value` list of an UPDATE of intake_record (jsonb as JSON text). */
export function intakeSetClause(columns: Record<string, unknown>) {
  return Object.entries(columns).map(([col, v]) => sql`${sql.ref(col)} = ${v}`);
}
