import { loadModule, parseSync } from 'libpg-query';

/**
 * The structural half of the scope guard (architecture, principle 1: "forgetting a check must be
 * impossible"). The compiled SQL of a request's query is parsed by PostgreSQL's own parser
 * (libpg-query) and every reference to a registered table — each alias, join, subquery, CTE and set
 * operation — must carry a visibility token of that table's record kind, for that alias, where it
 * restricts the rows: a top-level conjunct of its level's WHERE, or of the ON of a join on whose
 * nullable side it stands. `WHERE true OR <token>`, a second unscoped alias, an unscoped subquery and
 * a token of another kind, alias or mode are refused.
 *
 * A token is the call `siso_visible('<nonce>|<mode>|<kind>|<alias>[|<parent alias>]', <predicate>)`
 * (migration 0014: an inlined SQL function returning its second argument). Only the visibility
 * module knows the process's nonce (access/visibility-token.ts), so a token cannot be written by
 * hand. Modes: `r` read, `w` write (also reads), `c` a child row joined to its parent's alias in the
 * same FROM, `a` a regional aggregate. INSERTs carry an insert mark (a comment with the nonce and the
 * table) written by the visibility module after checking the row's tenant.
 */

export interface ScopeRules {
  nonce: string;
  /** table name → record kinds stored in it. */
  kindsOfTable: ReadonlyMap<string, ReadonlySet<string>>;
  /** kind → the kinds a row of it may be joined to by a `c` token: its parents, and the kinds that refer to it. */
  joinableTo: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What the query may do: a request, or the cross-tenant delivery helper (inserts anywhere, updates what it sees). */
export type GuardMode = 'request' | 'crossTenant';

type Node = Record<string, unknown>;

interface Token {
  mode: string;
  kind: string;
  alias: string;
  parentAlias?: string;
}

interface Ref {
  table: string;
  alias: string;
  tokens: Token[];
}

let loaded: Promise<void> | null = null;
/** The parser is WebAssembly: loaded once at start (app.ts) before any request. */
export function loadSqlParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

export class ScopeViolation extends Error {}

export function checkScopedSql(text: string, rules: ScopeRules, mode: GuardMode): void {
  let parsed: { stmts?: Array<{ stmt: Node }> };
  try {
    parsed = parseSync(text) as { stmts?: Array<{ stmt: Node }> };
  } catch (err) {
    // PostgreSQL would refuse it too; let it, with its own error.
    if (err instanceof Error && /syntax error/.test(err.message)) return;
    throw err;
  }
  const checker = new Checker(text, rules, mode);
  for (const s of parsed.stmts ?? []) checker.statement(s.stmt);
  const expected = countRefs(parsed.stmts ?? [], rules);
  if (checker.checked !== expected) {
    throw new ScopeViolation(`a registered table is referenced where the guard cannot check it (${expected - checker.checked} reference(s))`);
  }
}

class Checker {
  checked = 0;
  /** The verified references of the enclosing query levels, innermost last: a correlated subquery may join to them. */
  private readonly enclosing: Ref[][] = [];
  constructor(
    private readonly text: string,
    private readonly rules: ScopeRules,
    private readonly mode: GuardMode,
  ) {}

  /** Any node: statements get their own level, everything else is searched for nested statements. */
  walk(node: unknown): void {
    if (Array.isArray(node)) {
      for (const n of node) this.walk(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    for (const [key, value] of Object.entries(n)) {
      if (key === 'SelectStmt' || key === 'InsertStmt' || key === 'UpdateStmt' || key === 'DeleteStmt') this.statement({ [key]: value });
      else if (key !== 'lockingClause') this.walk(value);
    }
  }

  statement(stmt: Node): void {
    if (stmt.SelectStmt) this.select(stmt.SelectStmt as Node);
    else if (stmt.UpdateStmt) this.update(stmt.UpdateStmt as Node, 'UPDATE');
    else if (stmt.DeleteStmt) this.update(stmt.DeleteStmt as Node, 'DELETE');
    else if (stmt.InsertStmt) this.insert(stmt.InsertStmt as Node);
    else this.walk(stmt);
  }

  select(body: Node): void {
    this.walk(body.withClause);
    if (body.op && body.op !== 'SETOP_NONE') {
      this.select(body.larg as Node);
      this.select(body.rarg as Node);
      return;
    }
    const refs = this.level(body.fromClause as Node[] | undefined, body.whereClause);
    this.verify(refs, ['r', 'w', 'c', 'a'], 'SELECT', refs);
    const { fromClause: _from, withClause: _with, ...rest } = body;
    // The target list, WHERE, HAVING… are evaluated only for rows of this level that passed its
    // restrictions: a correlated subquery there may join to them (a `c` token naming an outer alias).
    this.enclosing.push(refs);
    try {
      this.walk(rest);
    } finally {
      this.enclosing.pop();
    }
  }

  update(body: Node, verb: 'UPDATE' | 'DELETE'): void {
    this.walk(body.withClause);
    const target = body.relation as Node;
    const extra = (verb === 'UPDATE' ? body.fromClause : body.usingClause) as Node[] | undefined;
    const ownRefs = this.level([{ RangeVar: target }], body.whereClause);
    const others = this.level(extra, body.whereClause);
    // A write reaches only records the actor may write; the delivery helper may update what it sees.
    this.verify(ownRefs, this.mode === 'crossTenant' ? ['r', 'w', 'c'] : ['w'], verb, [...ownRefs, ...others]);
    this.verify(others, ['r', 'w', 'c', 'a'], 'SELECT', [...ownRefs, ...others]);
    const { relation: _r, fromClause: _f, usingClause: _u, withClause: _w, ...rest } = body;
    this.walk(rest);
  }

  insert(body: Node): void {
    this.walk(body.withClause);
    const rel = body.relation as Node;
    const table = String(rel.relname);
    if (this.rules.kindsOfTable.has(table)) {
      this.checked++;
      if (this.mode !== 'crossTenant' && !this.text.includes(insertMark(this.rules.nonce, table))) {
        throw new ScopeViolation(`INSERT into ${table} without the tenant check of the visibility module`);
      }
    }
    const { relation: _r, withClause: _w, ...rest } = body;
    this.walk(rest);
  }

  /** The registered references of one FROM list with the tokens that restrict each. */
  level(from: Node[] | undefined, where: unknown): Ref[] {
    const refs: Ref[] = [];
    const whereTokens = conjunctTokens(where, this.rules.nonce);
    for (const item of from ?? []) this.fromItem(item, refs, []);
    for (const r of refs) r.tokens.push(...whereTokens);
    return refs;
  }

  fromItem(item: Node, refs: Ref[], inherited: Token[]): void {
    if (item.RangeVar) {
      const rv = item.RangeVar as Node;
      const table = String(rv.relname);
      if (this.rules.kindsOfTable.has(table)) {
        const alias = (rv.alias as Node | undefined)?.aliasname;
        refs.push({ table, alias: typeof alias === 'string' ? alias : table, tokens: [...inherited] });
      }
      return;
    }
    if (item.JoinExpr) {
      const j = item.JoinExpr as Node;
      const quals = conjunctTokens(j.quals, this.rules.nonce);
      // A token in ON restricts only the nullable side of an outer join (the preserved side keeps
      // every row whatever ON says), and both sides of an inner join.
      const type = j.jointype;
      const left = type === 'JOIN_INNER' || type === 'JOIN_RIGHT' ? [...inherited, ...quals] : inherited;
      const right = type === 'JOIN_INNER' || type === 'JOIN_LEFT' ? [...inherited, ...quals] : inherited;
      this.fromItem(j.larg as Node, refs, left);
      this.fromItem(j.rarg as Node, refs, right);
      this.walk(j.quals);
      return;
    }
    // Derived tables, functions, VALUES: their own statements are levels of their own.
    this.walk(item);
  }

  verify(refs: Ref[], modes: string[], verb: string, level: Ref[]): void {
    for (const ref of refs) {
      this.checked++;
      const ok = ref.tokens.some((t) => modes.includes(t.mode) && this.tokenFits(t, ref, level, new Set()));
      if (!ok) throw new ScopeViolation(`${verb} on ${ref.table} AS ${ref.alias} without its visibility rule`);
    }
  }

  /** The token names this alias, a kind stored in this table and, for a child, a scoped parent alias of the same FROM. */
  tokenFits(t: Token, ref: Ref, level: Ref[], seen: Set<string>): boolean {
    if (t.alias !== ref.alias || !this.rules.kindsOfTable.get(ref.table)?.has(t.kind)) return false;
    if (t.mode !== 'c') return true;
    const joinable = this.rules.joinableTo.get(t.kind);
    // The joined alias: in this FROM, or in an enclosing level (a correlated subquery).
    const levels = [level, ...[...this.enclosing].reverse()];
    for (const [i, candidates] of levels.entries()) {
      const parent = candidates.find((r) => r.alias === t.parentAlias);
      if (!parent) continue;
      const key = `${i}:${parent.alias}`;
      if (!joinable || seen.has(key)) return false;
      seen.add(`${i === 0 ? 0 : -1}:${ref.alias}`);
      seen.add(key);
      return parent.tokens.some(
        (pt) => pt.mode !== 'a' && joinable.has(pt.kind) && this.rules.kindsOfTable.get(parent.table)?.has(pt.kind) === true && this.tokenFits(pt, parent, candidates, seen),
      );
    }
    return false;
  }
}

/** The tokens among the top-level conjuncts of a boolean expression (AND trees flattened; OR, NOT, CASE are not conjuncts). */
function conjunctTokens(expr: unknown, nonce: string): Token[] {
  if (!expr || typeof expr !== 'object') return [];
  const e = expr as Node;
  const bool = e.BoolExpr as Node | undefined;
  if (bool?.boolop === 'AND_EXPR') return (bool.args as unknown[]).flatMap((a) => conjunctTokens(a, nonce));
  const call = e.FuncCall as Node | undefined;
  if (!call) return [];
  const name = call.funcname as Array<{ String?: { sval?: string } }>;
  if (name[name.length - 1]?.String?.sval !== 'siso_visible') return [];
  const arg = (call.args as Node[] | undefined)?.[0]?.A_Const as { sval?: { sval?: string } } | undefined;
  const parts = arg?.sval?.sval?.split('|');
  if (!parts || parts[0] !== nonce || parts.length < 4) return [];
  return [{ mode: parts[1]!, kind: parts[2]!, alias: parts[3]!, parentAlias: parts[4] }];
}

/** Every reference to a registered table anywhere in the tree (but `FOR UPDATE OF alias`). */
function countRefs(node: unknown, rules: ScopeRules): number {
  if (Array.isArray(node)) return node.reduce<number>((s, n) => s + countRefs(n, rules), 0);
  if (!node || typeof node !== 'object') return 0;
  let count = 0;
  for (const [key, value] of Object.entries(node as Node)) {
    if (key === 'lockingClause') continue;
    if ((key === 'RangeVar' || key === 'relation') && value && typeof value === 'object' && rules.kindsOfTable.has(String((value as Node).relname))) count++;
    count += countRefs(value, rules);
  }
  return count;
}

export function insertMark(nonce: string, table: string): string {
  return `/*siso:insert|${nonce}|${table}*/`;
}
