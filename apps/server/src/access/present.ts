import { sql, type RawBuilder } from 'kysely';
import type { AuditNote } from '../audit/audit-writer.js';
import type { Actor } from './actor.js';
import type { FieldClass } from './field-classes.js';
import { MASKED, maskRecord, type MaskedRecord } from './masking.js';
import { recordKind } from './record-kinds.js';

/**
 * The one masking path (issue 10, point 4; architecture: "Scope, grants and masking"). A record of a
 * registered kind reaches an answer only through `presentRecord`: its fields are masked with the
 * classes the kind's registration declares (record-kind-rules.ts, `fields`) against the classes the
 * actor reads on that record — `actor.readable` (profiles ∩ office type ∩ the desk's masking profile,
 * decided once at session resolution: field-classes.ts `actorClasses`) plus the classes an active
 * break-the-glass of the actor opened on it — and the read is noted for the request's audit row: the
 * people it is about, the record, the classes shown (GDPR art. 5(2) and 30). No action picks classes.
 */

/** The classes the actor reads on one record: theirs, plus those a break-the-glass opened on it. */
export function readableOn(actor: Pick<Actor, 'readable'>, opened?: readonly FieldClass[] | null): ReadonlySet<FieldClass> {
  if (!opened || opened.length === 0) return actor.readable;
  return new Set([...actor.readable, ...opened]);
}

/**
 * The classes an active break-the-glass of the actor opened on the record `idRef` of `kind`, as a
 * column of the record's own query (no extra round trip): select it as `opened_classes` and hand it
 * to `presentRecord`. break_glass rows name their operator: no one else's opening widens a read.
 */
export function openedClasses(actor: Pick<Actor, 'operatorId'>, kind: string, idRef: string): RawBuilder<FieldClass[] | null> {
  return sql<FieldClass[] | null>`(SELECT array_agg(DISTINCT c) FROM break_glass bg, unnest(bg.classes) AS c
     WHERE bg.operator_id = ${actor.operatorId} AND bg.record_kind = ${kind} AND bg.record_id = ${sql.ref(idRef)} AND bg.expires_at > now())`;
}

/** Where a presented read is noted: the request's audit (ActionContext.audit). */
export interface ReadAudit {
  audit(note: AuditNote): void;
}

export interface PresentOptions {
  /** The record's id (the audit's target). */
  id: string;
  /** The people the record is about (the audit's subjects); null entries are ignored. */
  about?: ReadonlyArray<string | null | undefined>;
  /** The classes a break-the-glass opened on this record (`openedClasses`). */
  opened?: readonly FieldClass[] | null;
  /** Listed rows (search results, a desk's list) are audited by their subjects only, not one target each. */
  listed?: boolean;
  /** For a kind with reserved entries: the facts of the row its registration's `readers` decide on. */
  reservedFacts?: Readonly<Record<string, unknown>>;
  /**
   * Fields withheld from this actor whatever their class, by a rule of the record itself (a protected
   * person's whereabouts without a grant naming the actor: docs/persons.md).
   */
  withheld?: readonly string[];
}

/**
 * Masks `record` (the fields of `kind` an answer shows, named as in the API) with the kind's declared
 * classes; fields the registration does not declare are `special` (never shown by accident); notes the
 * read in the audit.
 */
export function presentRecord<T extends Record<string, unknown>>(ctx: ReadAudit, actor: Actor, kind: string, record: T, opts: PresentOptions): MaskedRecord<T> {
  const rule = recordKind(kind);
  if (!rule) throw new Error(`presentRecord: ${kind} is not a registered record kind`);
  let fields = rule.fields;
  let readable = readableOn(actor, opts.opened);
  if (rule.reserved && record[rule.reserved.flag] === true) {
    // A reserved entry: its text is class `reserved`, read by that class or by the rule's readers.
    fields = { ...fields, ...Object.fromEntries(rule.reserved.fields.map((f) => [f, 'reserved' as const])) };
    if (opts.reservedFacts && rule.reserved.readers?.(actor, opts.reservedFacts)) readable = new Set([...readable, 'reserved']);
  }
  // Withheld fields are masked before anything is read: they add no class to the audit.
  const withheld = new Set(opts.withheld ?? []);
  const shown = withheld.size === 0 ? record : (Object.fromEntries(Object.entries(record).filter(([k]) => !withheld.has(k))) as T);
  const { value, classesRead } = maskRecord(shown, fields, readable);
  for (const f of withheld) if (f in record) (value as Record<string, unknown>)[f] = MASKED;
  const about = (opts.about ?? []).filter((p): p is string => typeof p === 'string');
  ctx.audit({ subjectPeople: about, targets: opts.listed ? [] : [{ kind, id: opts.id }], classesRead });
  return value;
}
