import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PersonSummary } from '@siso/shared';
import type { ReadAudit } from '../../access/present.js';
import { visible } from '../../access/visibility.js';
import { INTAKE_RECORD } from './intake-kinds.js';
import type { DB } from '../../db/types.js';
import type { ContextActor } from '../organisation/require-actor.js';
import { PERSON } from '../persons/person-kinds.js';
import { presentSummary, type PersonSummaryRow } from '../persons/person-present.js';

/** The columns of a person summary, as read (a row, or the JSON object of `personSummaryJson`). */
export type { PersonSummaryRow };

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

/**
 * A person summary (schede, proposals, transfers) through the person kind's presenter
 * (persons/person-present.ts): masked with the actor's classes, the read noted in the audit — the
 * person as subject, and as target unless `listed` (a row of a list). No break-the-glass: it opens
 * one person on the reads of that person (persons.get and its pages), not in their summaries elsewhere.
 */
export const presentPersonSummary = presentSummary;

/**
 * The people of schede, as compact summaries through `presentPersonSummary`, in one query. A person
 * is shown when the actor may read them in the registry OR through a scheda about them the actor
 * may read: the scheda says whom it is about (a desk operator with office scope reads the user of a
 * scheda received from another desk), never more than the summary. They are the people of a list of
 * records: audited as listed rows (subjects) unless `listed: false`.
 */
export async function loadPersonSummaries(
  ctx: ReadAudit,
  db: Kysely<DB>,
  actor: ContextActor,
  ids: readonly string[],
  opts: { listed?: boolean } = {},
): Promise<Map<string, PersonSummary>> {
  const people = new Map<string, PersonSummary>();
  if (ids.length === 0) return people;
  const r = await sql<PersonSummaryRow>`
    SELECT p.id, p.anonymous_code, p.fiscal_code, p.fiscal_code_kind, p.surname, p.name, p.birth_date, p.date_of_death, p.version, e.name AS ente_name
      FROM person p JOIN ente e ON e.id = p.ente_id
     WHERE p.id = ANY(${[...new Set(ids)]}::uuid[])
       AND ${visible(actor, PERSON, 'p', { orReferenced: true })}`.execute(db);
  for (const p of r.rows) people.set(p.id, presentPersonSummary(ctx, actor, p, { listed: opts.listed ?? true }));
  return people;
}
