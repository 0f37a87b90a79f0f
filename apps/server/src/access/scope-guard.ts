import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { protectedTables } from './record-kinds.js';

/** Written by `visibleTo` into every scoped query; the guard looks for it. */
export const SCOPE_MARKER = '/*siso:scope*/';

export class UnscopedAccessError extends Error {}

// The guard runs on every query of every request: compile each table's pattern once.
const patterns = new Map<string, RegExp>();
function wordPattern(table: string): RegExp {
  let re = patterns.get(table);
  if (!re) {
    re = new RegExp(`\\b${table}\\b`);
    patterns.set(table, re);
  }
  return re;
}

function collect(node: unknown, tables: Set<string>, raw: string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, tables, raw);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as { kind?: string; table?: { identifier?: { name?: string } }; sqlFragments?: readonly string[] };
  if (n.kind === 'TableNode' && n.table?.identifier?.name) tables.add(n.table.identifier.name);
  if (n.kind === 'RawNode' && n.sqlFragments) raw.push(...n.sqlFragments);
  for (const v of Object.values(node)) if (v && typeof v === 'object') collect(v, tables, raw);
}

/**
 * "Forgetting a check must be impossible" (architecture, principle 1): every query a request makes
 * through `ctx.tx` is inspected before it runs; one that touches a table of a registered record kind
 * (persons, cases… — see record-kinds.ts) without the scope predicate of `visibleTo` is refused.
 * The one way around it is `ctx.asSystem(reason)`, audited and allowed only in an allowlist of files
 * (access/as-system.test.ts).
 */
export class ScopeGuardPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const guarded = protectedTables();
    if (guarded.size === 0) return args.node;
    const tables = new Set<string>();
    const raw: string[] = [];
    collect(args.node, tables, raw);
    const text = raw.join(' ');
    const touched = [...guarded].filter((t) => tables.has(t) || wordPattern(t).test(text));
    if (touched.length > 0 && !text.includes(SCOPE_MARKER)) {
      throw new UnscopedAccessError(`query on ${touched.join(', ')} without the scope predicate (use visibleTo, or ctx.asSystem)`);
    }
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
