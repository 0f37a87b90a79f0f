import type { RawBuilder } from 'kysely';
import type { Actor } from './actor.js';
import type { FieldSpec } from './field-classes.js';
import { recordKindRules } from './record-kind-rules.js';

/**
 * The registry of record kinds (architecture: "privacy by construction"). Every table holding
 * personal data is a record kind whose ONE registration, in access/record-kind-rules.ts, carries its
 * whole visibility rule; the visibility module builds every predicate from it and the scope guard
 * refuses any query on its table without one. Declared in one place, never by the side effect of an
 * import.
 */
export interface RecordKindRule {
  /** The table holding the rows (one table may hold several kinds, e.g. `person` and `protectedPerson`). */
  table: string;
  /** The permission whose scope decides who reads a record of a root kind. */
  readPermission: string;
  /**
   * The class of each field an answer shows of a record of this kind, named as in the API (a map for
   * a section stored as one object): the ONE declaration `presentRecord` masks with (issue 10, point 4).
   * Fields not declared are `special`: never shown by accident.
   */
  fields: FieldSpec;
  /**
   * A child row is visible exactly when its parent is, through the parent's whole rule: `column`
   * holds the parent's id. Several parents (a polymorphic owner) are told apart by `when`.
   */
  parent?: ParentLink | ParentLink[];
  /** Column naming the desk (office) of a row: rows of a desk excluding one of the actor's profiles are invisible (siso-original §10.3.1). */
  deskColumn?: string;
  /** Logical deletion: rows with this column set are invisible unless a read asks for deleted rows. */
  deletedColumn?: string;
  /**
   * Column naming the office that produced a child row. Hidden from whoever sees the parent only
   * through a grant made with "hide the information produced by my office" (product brief), and —
   * when that office is a second-level unit (office.second_level) — from first-level offices.
   */
  producedByOffice?: string;
  /** Private rows (a document marked private): read only by their owner. */
  privateRows?: { flag: string; owner: string };
  /**
   * Reserved entries (a private diary note): the row is listed to those who see its parent; when its
   * API field `flag` is true, its `fields` take class `reserved` — read by holders of that class and by
   * the readers `readers` names, decided on facts of the row the presenter is handed (`reservedFacts`).
   */
  reserved?: { flag: string; fields: readonly string[]; readers?: (actor: Actor, facts: Readonly<Record<string, unknown>>) => boolean };
  /**
   * The identification preview of a search (people only): rows of the actor's ambito outside their
   * sight may be listed with the preview's fields, never those with `neverWhenSet` set.
   */
  preview?: { neverWhenSet: string };
  /** Records of other kinds that make a row of this kind visible as their summary (a scheda shows whom it is about). */
  referencedBy?: ReadonlyArray<{ kind: string; column: string }>;
  /** A condition of this kind alone (e.g. who reads a private diary note), in SQL over `alias`. */
  rowCondition?: (actor: Actor, alias: string) => RawBuilder<boolean>;
  /**
   * Rows seen by someone outside the record's tenant by the nature of the record, e.g. a transfer by
   * its destination desk: OR-ed with scope and grants (root kinds) or with the parent's rule (children).
   * Reads only: writes follow the scope or the parent's write rule.
   */
  alsoVisible?: (actor: Actor, alias: string) => RawBuilder<boolean>;
}

export interface ParentLink {
  kind: string;
  column: string;
  /** For a polymorphic owner: the discriminating column and its value for this parent. */
  when?: { column: string; equals: string };
}

const rules = new Map<string, RecordKindRule>(Object.entries(recordKindRules));

/** For tests only (testing/fixtures): a table that exists only in the test database. */
export function registerTestRecordKind(kind: string, rule: RecordKindRule): void {
  rules.set(kind, rule);
  derived = null;
}

export function recordKind(kind: string): RecordKindRule | undefined {
  return rules.get(kind);
}

export function parentLinks(rule: RecordKindRule): ParentLink[] {
  return rule.parent === undefined ? [] : Array.isArray(rule.parent) ? rule.parent : [rule.parent];
}

/** The root kind whose tenant columns (ambito, ente, office) decide a kind's scope. */
export function rootKindOf(kind: string): string {
  let k = kind;
  for (let i = 0; i < 10; i++) {
    const links = parentLinks(rules.get(k)!);
    if (links.length === 0) return k;
    k = links[0]!.kind;
  }
  throw new Error(`record kind ${kind}: parent chain too deep`);
}

let derived: { kindsOfTable: Map<string, Set<string>>; joinableTo: Map<string, Set<string>> } | null = null;

/**
 * What the scope guard needs: which kinds live in which table, and to which kinds a row of each kind
 * may be joined by a `c` token — its parents, and the kinds that refer to it (`referencedBy`).
 */
export function guardTables(): { kindsOfTable: ReadonlyMap<string, ReadonlySet<string>>; joinableTo: ReadonlyMap<string, ReadonlySet<string>> } {
  if (!derived) {
    const kindsOfTable = new Map<string, Set<string>>();
    const joinableTo = new Map<string, Set<string>>();
    for (const [kind, rule] of rules) {
      if (!/^[a-z_][a-z0-9_]*$/.test(rule.table)) throw new Error(`invalid table name ${rule.table}`);
      if (!kindsOfTable.has(rule.table)) kindsOfTable.set(rule.table, new Set());
      kindsOfTable.get(rule.table)!.add(kind);
      const to = new Set([...parentLinks(rule).map((l) => l.kind), ...(rule.referencedBy ?? []).map((r) => r.kind)]);
      if (to.size > 0) joinableTo.set(kind, to);
    }
    derived = { kindsOfTable, joinableTo };
  }
  return derived;
}

/** Tables guarded by the scope guard: those of every registered record kind. */
export function protectedTables(): ReadonlySet<string> {
  return new Set(guardTables().kindsOfTable.keys());
}
