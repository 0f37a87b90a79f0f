import { type RawBuilder } from 'kysely';
import type { ActionContext } from '../http/action.js';
import { AppError } from '../http/app-error.js';
import type { FieldMap } from './field-classes.js';
import { assertFilterable } from './masking.js';
import { suppressSmallCounts, type CountCell, type SuppressedTable } from './small-counts.js';
import { regionalScope, visibleTo } from './visibility.js';

export type { CountCell, SuppressedTable } from './small-counts.js';

export interface AggregateQuery {
  /** The permission of the action (its scope decides which records are counted). */
  permission: string;
  /** The record kind counted, for the grants of record-level scopes (visibleTo). */
  recordKind: string;
  /** Fields the query groups or filters by, with their classes: counting by an unreadable class is refused. */
  groupedBy: readonly string[];
  fields: Partial<FieldMap>;
  /** Every row and column to show (missing combinations count 0). */
  rows?: readonly string[];
  cols?: readonly string[];
}

/**
 * The one read path of regional counts (architecture: "region-aggregate: counts only, small counts
 * suppressed"; product brief, regional dashboard "so no person can be re-identified"). A module writes
 * a grouped count — `SELECT <row> AS row, <col> AS col, count(*)::int AS count FROM t WHERE ${scope('t')}
 * GROUP BY 1, 2` — and gets back the table with small counts suppressed (small-counts.ts); the raw
 * counts never leave this function.
 *
 * `scope(alias)` is the only predicate that lets a `region_aggregate` profile reach a record table past
 * the scope guard: every record of the ambiti of the actor's region, and only inside this query. For
 * any other scope it is `visibleTo` (an ambito's own dashboards count what their profile sees; the
 * installation administrator counts nothing: no case data). Grouping or filtering by a field class
 * the actor cannot read is 403 `field_masked` (architecture: "cannot filter, sort or count by it").
 */
export async function aggregateCounts(
  ctx: ActionContext,
  q: AggregateQuery,
  build: (scope: (alias: string) => RawBuilder<boolean>) => RawBuilder<CountCell>,
): Promise<SuppressedTable> {
  const actor = ctx.actor;
  if (!actor?.context) throw new AppError('context_required');
  assertFilterable(q.groupedBy, q.fields, actor.readable);
  const regional = actor.permissions.has(q.permission) && actor.scopes[q.permission] === 'region_aggregate';
  const enteId = actor.context.enteId;
  const scope = (alias: string): RawBuilder<boolean> =>
    regional
      ? regionalScope(q.recordKind, alias, enteId)
      : visibleTo(actor, q.permission, q.recordKind, alias);
  const result = await build(scope).execute(ctx.tx);
  const cells = result.rows.map((r) => ({ row: String(r.row), col: String(r.col), count: Number(r.count) }));
  return suppressSmallCounts(cells, { threshold: ctx.services.config.smallCountThreshold, rows: q.rows, cols: q.cols });
}
