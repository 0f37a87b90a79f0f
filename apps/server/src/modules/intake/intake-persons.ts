import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PersonSummary } from '@siso/shared';
import type { FieldClass } from '../../access/field-classes.js';
import { maskRecord } from '../../access/masking.js';
import { visible } from '../../access/visibility.js';
import { INTAKE_RECORD } from './intake-kinds.js';
import type { DB } from '../../db/types.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { PERSON } from '../persons/person-kinds.js';
import { personFieldClasses } from '../persons/persons.fields.js';

/** The columns of a person summary, as read (a row, or the JSON object of `personSummaryJson`). */
export interface PersonSummaryRow {
  id: string; anonymous_code: string | null; fiscal_code: string | null; fiscal_code_kind: PersonSummary['fiscalCodeKind'];
  surname: string | null; name: string | null; birth_date: string | null; date_of_death: string | null; version: number; ente_name: string;
}

/**
 * The summary of the person `personIdRef` as one JSON value, for a query over records the actor may
 * read that are about that person (a visible scheda shows whom it is about: the same rule as
 * `loadPersonSummaries`' second branch, so no second visibility check): one round trip for a list
 * instead of two. Masked afterwards by `presentPersonSummary`.
 */
/** The summary of the person a scheda (the outer query's alias `intakeAlias`) is about, visible because the scheda is. */
export function personSummaryJson(actor: ContextActor, intakeAlias: string): RawBuilder<PersonSummaryRow | null> {
  return sql<PersonSummaryRow | null>`(SELECT json_build_object('id', p.id, 'anonymous_code', p.anonymous_code, 'fiscal_code', p.fiscal_code,
            'fiscal_code_kind', p.fiscal_code_kind, 'surname', p.surname, 'name', p.name, 'birth_date', p.birth_date,
            'date_of_death', p.date_of_death, 'version', p.version, 'ente_name', (SELECT e.name FROM ente e WHERE e.id = p.ente_id))
       FROM person p WHERE ${visible(actor, PERSON, 'p', { referredBy: { kind: INTAKE_RECORD, alias: intakeAlias } })})`;
}

/** A person summary masked per class; the classes shown are added to `classes`. */
export function presentPersonSummary(p: PersonSummaryRow, readable: ReadonlySet<FieldClass>, classes: Set<FieldClass>): PersonSummary {
  const { value, classesRead } = maskRecord(
    {
      id: p.id, anonymousCode: p.anonymous_code, fiscalCode: p.fiscal_code, fiscalCodeKind: p.fiscal_code_kind, surname: p.surname, name: p.name,
      birthDate: p.birth_date, enteName: p.ente_name, deceased: p.date_of_death !== null, version: p.version,
    },
    personFieldClasses,
    readable,
  );
  classesRead.forEach((c) => classes.add(c));
  return value as PersonSummary;
}

/**
 * The people of schede, as compact summaries masked per class, in one query. A person is shown when
 * the actor may read them in the registry OR through a scheda about them the actor may read: the
 * scheda says whom it is about (a desk operator with office scope reads the user of a scheda received
 * from another desk), never more than the summary.
 */
export async function loadPersonSummaries(
  db: Kysely<DB>,
  actor: ContextActor,
  ids: readonly string[],
  readable: ReadonlySet<FieldClass>,
): Promise<{ people: Map<string, PersonSummary>; classesRead: FieldClass[] }> {
  const people = new Map<string, PersonSummary>();
  const classes = new Set<FieldClass>();
  if (ids.length === 0) return { people, classesRead: [] };
  const r = await sql<PersonSummaryRow>`
    SELECT p.id, p.anonymous_code, p.fiscal_code, p.fiscal_code_kind, p.surname, p.name, p.birth_date, p.date_of_death, p.version, e.name AS ente_name
      FROM person p JOIN ente e ON e.id = p.ente_id
     WHERE p.id = ANY(${[...new Set(ids)]}::uuid[])
       AND ${visible(actor, PERSON, 'p', { orReferenced: true })}`.execute(db);
  for (const p of r.rows) people.set(p.id, presentPersonSummary(p, readable, classes));
  return { people, classesRead: [...classes] };
}
