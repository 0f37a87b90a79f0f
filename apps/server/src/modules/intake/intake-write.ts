import crypto from 'node:crypto';
import { sql } from 'kysely';
import { intakeSectionsInput, type IntakeSectionsInput } from '@siso/shared';
import type { ActionContext } from '../../http/action.js';
import { insertedBy } from '../../access/visibility.js';
import { ambitoActor } from '../persons/require-ambito.js';
import { todayInRome } from '../persons/validate-person.js';
import { assertDeskOpen, type DeskSettings } from './desk-access.js';
import { deskContextOf, deskFields } from './intake-custom-fields.js';
import type { KnownConfig } from './intake-view-query.js';
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

/** A scheda just inserted, with the configuration read to write it (its view need not read it again). */
export interface InsertedIntake {
  id: string;
  known: KnownConfig;
}

/**
 * Inserts a scheda in the actor's desk (number, sections, custom fields); returns its id. `extra.settings`:
 * the actor's desk settings when the caller has read them already.
 */
export async function insertIntake(
  ctx: ActionContext,
  sections: IntakeSectionsInput,
  extra: { receivedFrom?: string; settings?: DeskSettings },
): Promise<InsertedIntake> {
  const actor = ambitoActor(ctx);
  const c = actor.context;
  const input = intakeSectionsInput.parse(sections);
  const today = todayInRome();
  const on = input.access?.date ?? today;
  const loaded = extra.settings
    ? { settings: extra.settings, ...(await deskFields(ctx.tx, c, extra.settings, on)) }
    : await deskContextOf(ctx.tx, { ...c, officeType: c.officeType }, on);
  await assertDeskOpen(ctx.tx, actor, loaded.settings);
  const { all, offered } = loaded;
  const writable = actor.writable;
  const { next, classesChanged } = await checkSections(ctx.tx, actor, { ambitoId: c.ambitoId, officeId: c.officeId }, writable, input, emptySections, { all, offered });

  const id = crypto.randomUUID();
  // The number is taken in the same statement as the insert (one round trip; the counter's lock as before).
  await ctx.tx
    .with('counter', () => nextIntakeNumber(c.enteId, Number(today.slice(0, 4))))
    .insertInto('intake_record')
    .values({
      id, ambito_id: c.ambitoId, ente_id: c.enteId, office_id: c.officeId, created_by: actor.operatorId, updated_by: actor.operatorId,
      operator_id: actor.operatorId, number: sql<string>`(SELECT number FROM counter)`, received_from: extra.receivedFrom ?? null,
      ...(sectionColumns(next) as { access_date: string }),
    })
    .modifyEnd(insertedBy(actor, INTAKE_RECORD, { ambito_id: c.ambitoId }))
    .execute();
  ctx.audit({ subjectPeople: next.personId ? [next.personId] : [], targets: [{ kind: INTAKE_RECORD, id }], classesChanged });
  return { id, known: { settings: loaded.settings, definitions: all } };
}

/** `col = value` list of an UPDATE of intake_record (jsonb as JSON text). */
export function intakeSetClause(columns: Record<string, unknown>) {
  return Object.entries(columns).map(([col, v]) => sql`${sql.ref(col)} = ${v}`);
}
