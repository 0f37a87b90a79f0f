import { sql, type RawBuilder } from 'kysely';
import type { Actor } from './actor.js';
import { parentLinks, recordKind } from './record-kinds.js';
import { visible } from './visibility.js';

/**
 * The row's (`kindColumn`, `idColumn`) names a record of one of `kinds` that the actor sees now, by the
 * root kind's whole rule (one `EXISTS` per kind, each carrying its token for the scope guard). For
 * rows that point at records polymorphically — grants, emergency accesses — listed without a record:
 * what the actor made or opened on a scheda since deleted, or at a desk that now excludes them, is no
 * longer theirs to list (issue 10's hazards: a deleted scheda leaves every list). A kind that is not a
 * registered root kind names nothing.
 */
export function namesVisibleRecord(actor: Actor, kinds: readonly string[], kindColumn: string, idColumn: string): RawBuilder<boolean> {
  const parts = kinds.flatMap((kind, i) => {
    const rule = recordKind(kind);
    if (!rule || parentLinks(rule).length > 0) return [];
    const alias = `vr${i}`;
    return [
      sql<boolean>`(${sql.ref(kindColumn)} = ${kind} AND EXISTS (SELECT 1 FROM ${sql.table(rule.table)} AS ${sql.id(alias)}
         WHERE ${sql.ref(`${alias}.id`)} = ${sql.ref(idColumn)} AND ${visible(actor, kind, alias)}))`,
    ];
  });
  return parts.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}
