import { sql, type Kysely } from 'kysely';
import type { PersonSummary } from '@siso/shared';
import type { FieldClass } from '../../access/field-classes.js';
import { maskRecord } from '../../access/masking.js';
import { visibleTo } from '../../access/visibility.js';
import type { DB } from '../../db/types.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { PERSON } from '../persons/person-kinds.js';
import { personFieldClasses } from '../persons/persons.fields.js';
import { INTAKE_RECORD } from './intake-kinds.js';
import { notExcludedDesk } from './desk-access.js';

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
  const r = await sql<{
    id: string; anonymous_code: string | null; fiscal_code: string | null; fiscal_code_kind: PersonSummary['fiscalCodeKind'];
    surname: string | null; name: string | null; birth_date: string | null; date_of_death: string | null; version: number; ente_name: string;
  }>`
    SELECT p.id, p.anonymous_code, p.fiscal_code, p.fiscal_code_kind, p.surname, p.name, p.birth_date, p.date_of_death, p.version, e.name AS ente_name
      FROM person p JOIN ente e ON e.id = p.ente_id
     WHERE p.id = ANY(${[...new Set(ids)]}::uuid[])
       AND (${visibleTo(actor, 'persons.get', PERSON, 'p')}
            OR EXISTS (SELECT 1 FROM intake_record r WHERE r.person_id = p.id AND r.deleted_at IS NULL
                          AND ${visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, 'r')} AND ${notExcludedDesk(actor, 'r')}))`.execute(db);
  for (const p of r.rows) {
    const { value, classesRead } = maskRecord(
      {
        id: p.id, anonymousCode: p.anonymous_code, fiscalCode: p.fiscal_code, fiscalCodeKind: p.fiscal_code_kind, surname: p.surname, name: p.name,
        birthDate: p.birth_date, enteName: p.ente_name, deceased: p.date_of_death !== null, version: p.version,
      },
      personFieldClasses,
      readable,
    );
    classesRead.forEach((c) => classes.add(c));
    people.set(p.id, value as PersonSummary);
  }
  return { people, classesRead: [...classes] };
}
