import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/types.js';
import type { Actor } from './actor.js';
import { AppError } from '../http/app-error.js';
import { parentLinks, recordKind, type ParentLink, type RecordKindRule } from './record-kinds.js';
import { insertToken, token } from './visibility-token.js';

/**
 * The visibility module: the ONLY place that builds the predicates the scope guard accepts
 * (access/sql-scope-check.ts). Every predicate comes from the record kind's one registration
 * (access/record-kind-rules.ts): "visible = profile scope OR an active access grant" (architecture:
 * scope, grants and masking), narrowed by desk exclusion, logical deletion, private rows and the
 * kind's own condition; a child kind is visible through its parent's whole rule, minus what a grant
 * hides ("hide the information produced by my office") and what second-level units produce.
 */

export interface ReadOptions {
  /** The permission whose scope applies (default: the kind's read permission). */
  permission?: string;
  /** Logically deleted rows too (a deleted scheda read back for its own audit trail). */
  includeDeleted?: boolean;
  /**
   * A child joined to its parent's alias — in the same FROM, or the outer row of a correlated subquery
   * (`child.col = parent.id`): no second lookup of the parent. `viaColumn` / `viaKind` pick the link of
   * a kind with several parents.
   */
  via?: string;
  viaColumn?: string;
  /** With `via`, for a kind with several parent links: the parent's kind (a file's owner: a service request or a notice). */
  viaKind?: string;
  /** A row referred to by a record of a `referencedBy` kind under `alias` (a scheda's person: `r.person_id = p.id`). */
  referredBy?: { kind: string; alias: string };
  /** Also the rows a visible record of another kind refers to, as the kind's rule declares (`referencedBy`): a scheda's person summary. */
  orReferenced?: boolean;
}

function ruleOf(kind: string): RecordKindRule {
  const rule = recordKind(kind);
  if (!rule) throw new Error(`record kind ${kind} is not registered (access/record-kind-rules.ts)`);
  return rule;
}

const col = (alias: string, name: string) => sql.ref(`${alias}.${name}`);

/** Rows of `kind` aliased `alias` that the actor may read. Goes into the WHERE (or the ON of a join) of every query on its table. */
export function visible(actor: Actor, kind: string, alias: string, opts: ReadOptions = {}): RawBuilder<boolean> {
  const rule = ruleOf(kind);
  const links = parentLinks(rule);
  if (opts.referredBy) {
    const ref = rule.referencedBy?.find((r) => r.kind === opts.referredBy!.kind);
    if (!ref) throw new Error(`record kind ${kind} is not referenced by ${opts.referredBy.kind}`);
    return token('c', kind, alias, sql<boolean>`${col(opts.referredBy.alias, ref.column)} = ${col(alias, 'id')}`, opts.referredBy.alias);
  }
  if (opts.via) {
    const link = links.length === 1 ? links[0] : links.find((l) => (!opts.viaColumn || l.column === opts.viaColumn) && (!opts.viaKind || l.kind === opts.viaKind));
    if (!link || (links.length > 1 && !opts.viaColumn && !opts.viaKind)) throw new Error(`record kind ${kind}: 'via' needs one parent link (viaColumn, viaKind)`);
    // A polymorphic owner: the discriminating column says which parent the id names.
    const owner = link.when ? [sql<boolean>`${col(alias, link.when.column)} = ${link.when.equals}`] : [];
    return token('c', kind, alias, all([sql`${col(alias, link.column)} = ${col(opts.via, 'id')}`, ...owner, producedByVisible(actor, rule, link, alias, opts.via), ...ownConditions(actor, rule, alias, opts)]), opts.via);
  }
  if (opts.orReferenced && rule.referencedBy?.length) {
    const refs = rule.referencedBy.map((ref, i) => {
      const ra = `${alias}_ref${i}`;
      const refRule = ruleOf(ref.kind);
      return sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(refRule.table)} AS ${sql.id(ra)}
         WHERE ${col(ra, ref.column)} = ${col(alias, 'id')} AND ${token('r', ref.kind, ra, readPredicate(actor, ref.kind, ra, {}))})`;
    });
    return token('r', kind, alias, sql<boolean>`(${readPredicate(actor, kind, alias, opts)} OR ${sql.join(refs, sql` OR `)})`);
  }
  return token('r', kind, alias, readPredicate(actor, kind, alias, opts));
}

/**
 * The rows a kind's rule shows the actor by the nature of the record alone (`alsoVisible`: a desk's
 * inbox of sends, the professional social service's proposals), with the kind's own conditions: a
 * subset of `visible`, for a list that is exactly that — no parent rule to plan for each request.
 */
export function visibleByNature(actor: Actor, kind: string, alias: string): RawBuilder<boolean> {
  const rule = ruleOf(kind);
  if (!rule.alsoVisible) throw new Error(`record kind ${kind} has no alsoVisible rule`);
  return token('r', kind, alias, all([rule.alsoVisible(actor, alias), ...ownConditions(actor, rule, alias, {})]));
}

/**
 * Rows the actor may change: their permission's scope OR a grant in force that shares the record with
 * writing (`can_write`, issue 11 point 1) inside the actor's ambito; a grant without it shares for
 * reading only (issue 10, point 5).
 */
export function writableBy(actor: Actor, kind: string, alias: string, permission: string): RawBuilder<boolean> {
  return token('w', kind, alias, writePredicate(actor, kind, alias, permission));
}

/** The same condition as a value (e.g. `AS can_update` for abilities): not a token, it restricts nothing. */
export function canWrite(actor: Actor, kind: string, alias: string, permission: string): RawBuilder<boolean> {
  return sql<boolean>`(${writePredicate(actor, kind, alias, permission)})`;
}

/** Compatibility name used across modules: `visible` with a permission. */
export function visibleTo(actor: Actor, permission: string, kind: string, alias: string, opts: Omit<ReadOptions, 'permission'> = {}): RawBuilder<boolean> {
  return visible(actor, kind, alias, { ...opts, permission });
}

function readPredicate(actor: Actor, kind: string, alias: string, opts: ReadOptions): RawBuilder<boolean> {
  const rule = ruleOf(kind);
  const links = parentLinks(rule);
  if (links.length === 0) {
    const permission = opts.permission ?? rule.readPermission;
    const c = actor.context;
    if (!c || !actor.permissions.has(permission)) return sql<boolean>`false`;
    const reach = [scopeOf(actor, permission, alias), grantedRecord(actor, kind, alias)];
    if (rule.alsoVisible) reach.push(rule.alsoVisible(actor, alias));
    return all([sql<boolean>`(${sql.join(reach, sql` OR `)})`, ...ownConditions(actor, rule, alias, opts)]);
  }
  const viaParents = throughParents(rule, alias, 'p', (link, pa) =>
    sql<boolean>`${token('r', link.kind, pa, readPredicate(actor, link.kind, pa, { permission: opts.permission }))} AND ${producedByVisible(actor, rule, link, alias, pa)}`,
  );
  const reach = [...viaParents, ...(rule.alsoVisible ? [rule.alsoVisible(actor, alias)] : [])];
  return all([reach.length === 1 ? reach[0]! : sql<boolean>`(${sql.join(reach, sql` OR `)})`, ...ownConditions(actor, rule, alias, opts)]);
}

function writePredicate(actor: Actor, kind: string, alias: string, permission: string): RawBuilder<boolean> {
  const rule = ruleOf(kind);
  const links = parentLinks(rule);
  const c = actor.context;
  if (!c || !actor.permissions.has(permission)) return sql<boolean>`false`;
  if (links.length === 0) {
    // A write grant writes inside the actor's ambito only: a write stays in the actor's ambito (issue 10,
    // point 2; the rows a write adds — history, aliases — carry the record's ambito). Across ambiti a share reads.
    const granted = sql<boolean>`(${col(alias, 'ambito_id')} = ${c.ambitoId} AND ${grantedRecord(actor, kind, alias, { write: true })})`;
    return all([sql<boolean>`(${scopeOf(actor, permission, alias)} OR ${granted})`, ...ownConditions(actor, rule, alias, {})]);
  }
  const viaParents = throughParents(rule, alias, 'w', (link, pa) => token('w', link.kind, pa, writePredicate(actor, link.kind, pa, permission)));
  return all([viaParents.length === 1 ? viaParents[0]! : sql<boolean>`(${sql.join(viaParents, sql` OR `)})`, ...ownConditions(actor, rule, alias, {})]);
}

/**
 * One `EXISTS` per parent link of a child row aliased `alias`: the parent (aliased `<alias>_<tag><i>`)
 * whose id the link's column holds, satisfying `parentRule`; a polymorphic link also checks its
 * discriminating column. The read and the write rule of children share it.
 */
function throughParents(
  rule: RecordKindRule,
  alias: string,
  tag: 'p' | 'w',
  parentRule: (link: ParentLink, parentAlias: string) => RawBuilder<boolean>,
): RawBuilder<boolean>[] {
  return parentLinks(rule).map((link, i) => {
    const pa = `${alias}_${tag}${i}`;
    const exists = sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(ruleOf(link.kind).table)} AS ${sql.id(pa)}
       WHERE ${col(pa, 'id')} = ${col(alias, link.column)} AND ${parentRule(link, pa)})`;
    return link.when ? sql<boolean>`(${col(alias, link.when.column)} = ${link.when.equals} AND ${exists})` : exists;
  });
}

/** The profile scope of `permission` over a root row's tenant columns. */
function scopeOf(actor: Actor, permission: string, alias: string): RawBuilder<boolean> {
  const c = actor.context;
  if (!c || !actor.permissions.has(permission)) return sql<boolean>`false`;
  switch (actor.scopes[permission]) {
    case 'ambito':
      return sql<boolean>`${col(alias, 'ambito_id')} = ${c.ambitoId}`;
    case 'ente':
      return sql<boolean>`${col(alias, 'ente_id')} = ${c.enteId}`;
    case 'office':
      return sql<boolean>`${col(alias, 'office_id')} = ${c.officeId}`;
    case 'own':
      return sql<boolean>`${col(alias, 'created_by')} = ${actor.operatorId}`;
    // Region-aggregate and installation profiles read counts through the aggregate path with
    // small-count suppression, never records (architecture: regional profiles).
    default:
      return sql<boolean>`false`;
  }
}

/**
 * `id = ANY(ARRAY(subquery))` rather than EXISTS: the grant list becomes one value computed once, so
 * PostgreSQL can combine an index on the scope column with the primary key (BitmapOr) instead of
 * testing the subquery row by row (measured in bench/access).
 */
function grantedRecord(actor: Actor, kind: string, alias: string, opts: { write?: boolean } = {}): RawBuilder<boolean> {
  const c = actor.context;
  if (!c) return sql<boolean>`false`;
  // A write grant (can_write) is one of the grants in force; the read rule takes any of them.
  const writing = opts.write ? sql<boolean>`g.can_write AND ` : sql<boolean>``;
  return sql<boolean>`${col(alias, 'id')} = ANY(ARRAY(
    SELECT g.record_id FROM access_grant g WHERE g.record_kind = ${kind} AND ${writing}${grantedToActor(actor, c)}))`;
}

/** Desk exclusion, deletion, private rows and the kind's own condition. */
function ownConditions(actor: Actor, rule: RecordKindRule, alias: string, opts: ReadOptions): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  if (rule.deletedColumn && !opts.includeDeleted) out.push(sql<boolean>`${col(alias, rule.deletedColumn)} IS NULL`);
  if (rule.deskColumn) {
    // siso-original §10.3.1: a desk's excluded profiles neither open it nor read its records.
    out.push(sql<boolean>`NOT EXISTS (SELECT 1 FROM desk_config dx WHERE dx.office_id = ${col(alias, rule.deskColumn)}
                                       AND dx.excluded_profiles && ${[...actor.profiles]}::text[])`);
  }
  if (rule.privateRows) out.push(sql<boolean>`(NOT ${col(alias, rule.privateRows.flag)} OR ${col(alias, rule.privateRows.owner)} = ${actor.operatorId})`);
  if (rule.rowCondition) out.push(rule.rowCondition(actor, alias));
  return out;
}

/**
 * A child row produced by an office is hidden (1) from whoever sees the parent only through grants
 * made with "hide the information produced by my office" (hide_info_from_office), and (2) when that
 * office is a second-level unit (e.g. Équipe minori), from operators of first-level offices.
 */
function producedByVisible(actor: Actor, rule: RecordKindRule, link: ParentLink, alias: string, parentAlias: string): RawBuilder<boolean> {
  const office = rule.producedByOffice;
  const c = actor.context;
  if (!office || !c) return sql<boolean>`true`;
  const parentRule = ruleOf(link.kind);
  const parentIsRoot = parentLinks(parentRule).length === 0;
  const conditions: RawBuilder<boolean>[] = [
    sql<boolean>`(NOT EXISTS (SELECT 1 FROM office so WHERE so.id = ${col(alias, office)} AND so.second_level)
       OR EXISTS (SELECT 1 FROM office mo WHERE mo.id = ${c.officeId} AND mo.second_level))`,
  ];
  if (parentIsRoot) {
    conditions.push(sql<boolean>`(${scopeOf(actor, parentRule.readPermission, parentAlias)}
       OR ${col(alias, office)} IS NULL
       OR ${col(alias, office)} <> ALL(ARRAY(
         SELECT g.hide_info_from_office FROM access_grant g
          WHERE g.record_kind = ${link.kind} AND g.record_id = ${col(parentAlias, 'id')} AND g.hide_info_from_office IS NOT NULL
            AND ${grantedToActor(actor, c)})))`);
  }
  return all(conditions);
}

function all(parts: RawBuilder<boolean>[]): RawBuilder<boolean> {
  if (parts.length === 0) return sql<boolean>`true`;
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/**
 * An access grant `g` that is in force today and names this actor, their office or their ente
 * (architecture: "Access grants"). The one definition every grant lookup uses.
 */
export function grantedToActor(actor: Pick<Actor, 'operatorId'>, c: { officeId: string; enteId: string }): RawBuilder<boolean> {
  return sql<boolean>`g.revoked_at IS NULL AND g.valid_from <= current_date AND (g.valid_to IS NULL OR g.valid_to >= current_date)
       AND ((g.subject_kind = 'operator' AND g.subject_id = ${actor.operatorId})
         OR (g.subject_kind = 'office' AND g.subject_id = ${c.officeId})
         OR (g.subject_kind = 'ente' AND g.subject_id = ${c.enteId}))`;
}

/**
 * `visible` restricted to one office (`alias.office_id = officeId`), for lists of one desk. When the
 * office is the actor's CURRENT one and their scope is office, ente or ambito, the scope holds for
 * every record of it (the office belongs to the context's ente and ambito): the grant lookup can add
 * nothing, and its OR would keep PostgreSQL from walking an index in the list's order (bench/intake:
 * the desk's incomplete schede read 1,400 rows to return 50), so the office filter and the kind's own
 * conditions are the predicate. Any other office or scope gets the full rule AND the office filter.
 */
export function visibleInOffice(actor: Actor, permission: string, kind: string, alias: string, officeId: string, opts: Omit<ReadOptions, 'permission' | 'via'> = {}): RawBuilder<boolean> {
  const c = actor.context;
  const rule = ruleOf(kind);
  const scope = actor.scopes[permission];
  const inOffice = sql<boolean>`${col(alias, 'office_id')} = ${officeId}`;
  if (parentLinks(rule).length === 0 && c?.officeId === officeId && actor.permissions.has(permission) && (scope === 'office' || scope === 'ente' || scope === 'ambito')) {
    return token('r', kind, alias, all([inOffice, ...ownConditions(actor, rule, alias, opts)]));
  }
  return sql<boolean>`${visible(actor, kind, alias, { ...opts, permission })} AND ${inOffice}`;
}

/**
 * The identification preview of the search-first (docs/persons.md, "limited preview"): people of the
 * actor's ambito, those outside the actor's sight only when `previews` is on and the kind's rule says
 * which rows never appear in a preview (protected people). The caller masks preview rows to the
 * preview's fields. The one read that reaches beyond scope and grants (issue 10, point 9).
 */
export function visibleOrPreview(actor: Actor, kind: string, alias: string, previews: boolean, opts: { withNeverPreviewed?: boolean } = {}): RawBuilder<boolean> {
  const rule = ruleOf(kind);
  const c = actor.context;
  if (!c?.ambitoId) return token('r', kind, alias, sql<boolean>`false`);
  // `withNeverPreviewed`: the caller needs those rows to COUNT them hidden (a household's protected member), never to show them.
  const never = rule.preview && !opts.withNeverPreviewed ? sql<boolean>`${col(alias, rule.preview.neverWhenSet)} IS NULL` : sql<boolean>`true`;
  // The preview shows identifying data: never to an actor who may not read it (a desk whose masking profile leaves out `personal`).
  const preview = previews && rule.preview && actor.readable.has('personal') ? never : sql<boolean>`false`;
  return token('r', kind, alias, sql<boolean>`(${col(alias, 'ambito_id')} = ${c.ambitoId} AND (${readPredicate(actor, kind, alias, {})} OR ${preview}))`);
}

/** Tenant columns an inserted row may carry. */
export interface TenantColumns {
  ambito_id?: string | null;
  source_ambito_id?: string | null;
}

/**
 * The mark of an INSERT into a registered table (`.modifyEnd(insertedBy(...))`), given only when the
 * row stays in the actor's ambito: "a write stays in the actor's ambito" (issue 10, point 2). Writes
 * that must cross into another ente or ambito go through the `crossTenant` handle of the action context.
 */
export function insertedBy(actor: Actor, kind: string, row: TenantColumns): RawBuilder<unknown> {
  const rule = ruleOf(kind);
  const ambito = row.ambito_id ?? row.source_ambito_id;
  if (!actor.context || !ambito || ambito !== actor.context.ambitoId) {
    throw new AppError('internal', [], `insert into ${rule.table} outside the actor's ambito`);
  }
  return insertToken(rule.table);
}

/**
 * The only predicate that lets a `region_aggregate` profile reach a record table (access/aggregate.ts):
 * every record of the ambiti of the actor's region, inside a grouped count with small-count suppression.
 */
export function regionalScope(kind: string, alias: string, enteId: string): RawBuilder<boolean> {
  return token('a', kind, alias, sql<boolean>`${col(alias, 'ambito_id')} IN (
          SELECT am.id FROM ambito am JOIN ente en ON en.regione_id = am.regione_id WHERE en.id = ${enteId})`);
}

/** The tenant columns of a visible record of a root kind, or null (not registered, missing or invisible): grants and break-the-glass. */
export async function visibleRecord(
  db: Kysely<DB>,
  actor: Actor,
  kind: string,
  id: string,
): Promise<{ ambitoId: string; enteId: string; officeId: string } | null> {
  const rule = recordKind(kind);
  if (!rule || parentLinks(rule).length > 0) return null;
  const r = await sql<{ ambito_id: string; ente_id: string; office_id: string }>`
    SELECT r.ambito_id, r.ente_id, r.office_id FROM ${sql.table(rule.table)} AS r
     WHERE r.id = ${id} AND ${visible(actor, kind, 'r')}`.execute(db);
  const row = r.rows[0];
  return row ? { ambitoId: row.ambito_id, enteId: row.ente_id, officeId: row.office_id } : null;
}
