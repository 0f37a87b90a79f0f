import type { PersonSummary } from '@siso/shared';
import type { Actor } from '../../access/actor.js';
import type { FieldClass } from '../../access/field-classes.js';
import { MASKED, type MaskedRecord } from '../../access/masking.js';
import { presentRecord, type ReadAudit } from '../../access/present.js';
import { PERSON, PERSON_HISTORY } from './person-kinds.js';
import { personFieldClasses, previewFields, protectedFields } from './persons.fields.js';

/**
 * The person kind's presenter (issue 10, point 4: one masking path). Every answer that shows fields
 * of a person — persons.get, the in-scope rows of persons.find, a summary in a scheda, a proposal, a
 * household or a duplicate pair — masks them here, through `presentRecord(…, 'person', …)`: the
 * classes the registration declares (persons.fields.ts) against the classes the actor reads
 * (profile ∩ office type ∩ the desk's masking profile, plus a break-the-glass opened on this person),
 * and a protected person's whereabouts withheld unless a grant names the actor. The read is noted in
 * the audit. The one exemption is the search preview (`presentPersonPreview`).
 *
 * Break-the-glass opens one person: its classes count on the reads of that person — persons.get,
 * persons.history, households.get, the privacy view and print — where the query selects
 * `openedClasses(actor, PERSON, 'p.id') AS opened_classes` and the audit names the person as target.
 * Lists over many people (search results, summaries inside other records, duplicate pairs) select
 * no opened classes (docs/access-control.md, "Break-the-glass").
 */

/** What the presenter needs to know of a person besides the fields it shows (snake_case, as selected). */
export interface PersonFacts {
  id: string;
  /** Not selected (undefined): treated as protected, so whereabouts are never shown by accident. */
  protection_reason?: string | null;
  /** The actor holds an active `protectedPerson` grant on them (`protectionGrantedSql`). */
  protection_granted?: boolean;
  /** The classes a break-the-glass of the actor opened on them (`openedClasses`), on a read of this one person. */
  opened_classes?: readonly FieldClass[] | null;
}

/**
 * What a protected person hides from everyone the protection does not name, whatever the classes
 * (docs/persons.md, "Protected people"): where they live or stay, and `also` (the household links,
 * on the paths that show them).
 */
export function withheldOf(p: PersonFacts, also: readonly string[] = []): readonly string[] {
  return p.protection_reason === null || p.protection_granted === true ? [] : [...protectedFields, ...also];
}

/**
 * THE person presenter: `record` holds fields of a person named as in the API (any subset of the
 * view: the full person, a summary, a search row). `listed` rows are audited by their subject only.
 */
export function presentPersonRecord<T extends Record<string, unknown>>(
  ctx: ReadAudit,
  actor: Actor,
  p: PersonFacts,
  record: T,
  opts: { listed?: boolean } = {},
): MaskedRecord<T> {
  return presentRecord(ctx, actor, PERSON, record, { id: p.id, about: [p.id], opened: p.opened_classes, listed: opts.listed, withheld: withheldOf(p) });
}

/** The columns of a person summary (a row, or the JSON object of intake's `personSummaryJson`). */
export interface PersonSummaryRow {
  id: string; anonymous_code: string | null; fiscal_code: string | null; fiscal_code_kind: PersonSummary['fiscalCodeKind'];
  surname: string | null; name: string | null; birth_date: string | null; date_of_death: string | null; version: number; ente_name: string;
}

function summaryRecord(p: PersonSummaryRow): PersonSummary {
  return {
    id: p.id, anonymousCode: p.anonymous_code, fiscalCode: p.fiscal_code, fiscalCodeKind: p.fiscal_code_kind, surname: p.surname, name: p.name,
    birthDate: p.birth_date, enteName: p.ente_name, deceased: p.date_of_death !== null, version: p.version,
  };
}

/** The compact person (schede, proposals, households, duplicates), through the person presenter. */
export function presentSummary(ctx: ReadAudit, actor: Actor, p: PersonSummaryRow & PersonFacts, opts: { listed?: boolean } = {}): PersonSummary {
  return presentPersonRecord(ctx, actor, p, summaryRecord(p), opts) as PersonSummary;
}

/**
 * The limited preview (docs/persons.md, "Search first"): a person of the actor's ambito outside their
 * sight, shown so that they are not registered twice — the documented exemption from masking by class.
 * Its fields are fixed whatever the actor reads: the identification fields (`previewFields`) and what
 * the person's registration declares `public` (ids, holding ente, flags); every other field is masked.
 * Protected people are never previewed (the callers' queries leave them out). Audited by subject.
 */
export function presentPersonPreview<T extends Record<string, unknown>>(ctx: ReadAudit, id: string, record: T): MaskedRecord<T> {
  const shown = new Set<string>(previewFields);
  const classes = personFieldClasses as Readonly<Record<string, FieldClass | undefined>>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = shown.has(k) || classes[k] === 'public' ? v : MASKED;
  ctx.audit({ subjectPeople: [id], classesRead: ['personal'] });
  return out as MaskedRecord<T>;
}

/** The preview of a summary (a household member outside the actor's sight). */
export function presentSummaryPreview(ctx: ReadAudit, p: PersonSummaryRow): PersonSummary {
  return presentPersonPreview(ctx, p.id, summaryRecord(p)) as PersonSummary;
}

/** The field of the person a history change is about: an address change is `addresses`, a household one `household`. */
export function changedField(field: string): string {
  if (field.startsWith('address.')) return 'addresses';
  if (field.startsWith('household.')) return 'household';
  return field;
}

/**
 * One change of a person's history (persons.history), through the history kind's presenter: shown
 * when the actor reads the class of the person's field it changed (with a break-the-glass opened on
 * the person), else MASKED; a protected person's whereabouts and household links are withheld.
 */
export function presentChange<C extends { field: string }>(ctx: ReadAudit, actor: Actor, p: PersonFacts, historyId: string, change: C): C | typeof MASKED {
  const field = changedField(change.field);
  const shown = presentRecord(ctx, actor, PERSON_HISTORY, { [field]: change }, {
    id: historyId, about: [p.id], opened: p.opened_classes, listed: true, withheld: withheldOf(p, ['household']),
  });
  return shown[field] === MASKED ? MASKED : change;
}
