import {
  PostgresQueryCompiler,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { guardTables } from './record-kinds.js';
import { checkScopedSql, ScopeViolation, type GuardMode } from './sql-scope-check.js';
import { NONCE } from './visibility-token.js';

export class UnscopedAccessError extends Error {}

const compiler = new PostgresQueryCompiler();
// The verdict of each distinct SQL text (parameters are $n, so a query shape compiles to one text):
// the parser runs once per shape, a request pays a map lookup. Bounded: cleared when full.
const verdicts = new Map<string, string | null>();
const MAX_VERDICTS = 20_000;
let tablePattern: { tables: number; re: RegExp } | null = null;

function mentionsGuardedTable(text: string): boolean {
  const { kindsOfTable } = guardTables();
  if (!tablePattern || tablePattern.tables !== kindsOfTable.size) {
    tablePattern = { tables: kindsOfTable.size, re: new RegExp(`\\b(${[...kindsOfTable.keys()].join('|')})\\b`) };
  }
  return tablePattern.re.test(text);
}

/** Refuses (throws) a query on a registered table whose every reference does not carry its rule. */
export function assertScoped(text: string, mode: GuardMode): void {
  if (!mentionsGuardedTable(text)) return;
  const key = `${mode}\u0000${text}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    const { kindsOfTable, joinableTo } = guardTables();
    try {
      checkScopedSql(text, { nonce: NONCE, kindsOfTable, joinableTo }, mode);
      verdict = null;
    } catch (err) {
      if (!(err instanceof ScopeViolation)) throw err;
      verdict = err.message;
    }
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(key, verdict);
  }
  if (verdict !== null) throw new UnscopedAccessError(`${verdict} (use the visibility module, or ctx.asSystem)`);
}

/**
 * "Forgetting a check must be impossible" (architecture, principle 1): every query a request makes
 * through `ctx.tx` is compiled and checked before it runs (access/sql-scope-check.ts). The way
 * around it is `ctx.asSystem(reason)` — and, for the writes that must cross into another tenant,
 * `ctx.crossTenant(reason)` — both audited and allowed only in the files listed in
 * access/bypass-allowlist.test.ts.
 */
export class ScopeGuardPlugin implements KyselyPlugin {
  constructor(private readonly mode: GuardMode = 'request') {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    assertScoped(compiler.compileQuery(args.node, args.queryId).sql, this.mode);
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
