/**
 * Small-count suppression for published counts (statistical disclosure control). Italian official
 * statistics publish an aggregate only when each cell counts at least a threshold of units ("regola
 * della soglia": Regole deontologiche per i trattamenti a fini statistici nel Sistema statistico
 * nazionale, Allegato A.4 al Codice privacy, art. 4(1)(a) — the threshold is at least 3 — and, for
 * the other public bodies, Garante provv. n. 515/2018, art. 5(1)(a)); a higher threshold fits more
 * confidential data (art. 4(1)(b)): social-services counts default to 5 (SISO_SMALL_COUNT_THRESHOLD).
 *
 * Primary suppression hides every count from 1 to threshold − 1. Secondary (complementary)
 * suppression then makes sure that no line of the table — a row, a column, the row of column totals
 * or the column of row totals — has exactly one hidden value, since the line's total minus the
 * published values would give it back (Hundepool et al., Statistical Disclosure Control, Wiley 2012,
 * ch. 4 "cell suppression"). The complement is the smallest positive cell of the line, else the line's
 * total, else a zero cell; the pass repeats until no line is left with a single hidden value. This is
 * the usual heuristic, not an optimal pattern, and it does not guard against linking with other
 * published tables (art. 4(1)(e)): publish regional tables through one path (access/aggregate.ts).
 */

export interface CountCell {
  row: string;
  col: string;
  count: number;
}

export interface SuppressedTable {
  threshold: number;
  rows: string[];
  cols: string[];
  /** cells[r][c]: the count, or null when suppressed. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  total: number | null;
  suppressed: { primary: number; secondary: number };
}

export interface SuppressOptions {
  threshold: number;
  /** All rows and columns to show, in order (missing combinations count 0); default: those present, in order of appearance. */
  rows?: readonly string[];
  cols?: readonly string[];
}

export function suppressSmallCounts(input: readonly CountCell[], opts: SuppressOptions): SuppressedTable {
  const { threshold } = opts;
  if (!Number.isInteger(threshold) || threshold < 2) throw new Error(`invalid small-count threshold ${threshold}`);
  const rows = [...new Set([...(opts.rows ?? []), ...input.map((c) => c.row)])];
  const cols = [...new Set([...(opts.cols ?? []), ...input.map((c) => c.col)])];
  const R = rows.length;
  const C = cols.length;
  // The grid with its margins: row R holds the column totals, column C the row totals, [R][C] the grand total.
  const v: number[][] = Array.from({ length: R + 1 }, () => new Array<number>(C + 1).fill(0));
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const colIndex = new Map(cols.map((c, i) => [c, i]));
  for (const c of input) {
    if (!Number.isInteger(c.count) || c.count < 0) throw new Error(`invalid count ${c.count}`);
    const i = rowIndex.get(c.row)!;
    const j = colIndex.get(c.col)!;
    v[i]![j]! += c.count;
    v[i]![C]! += c.count;
    v[R]![j]! += c.count;
    v[R]![C]! += c.count;
  }
  const hidden = v.map((line) => line.map((n) => n > 0 && n < threshold));
  const primary = hidden.flat().filter(Boolean).length;
  let secondary = 0;

  type Pos = [number, number];
  // Every line of the grid: its cells, the last one being the line's total.
  const lines: Pos[][] = [
    ...Array.from({ length: R + 1 }, (_, i) => Array.from({ length: C + 1 }, (_, j): Pos => [i, j])),
    ...Array.from({ length: C + 1 }, (_, j) => Array.from({ length: R + 1 }, (_, i): Pos => [i, j])),
  ];
  const rank = (line: Pos[], k: number): number => {
    const [i, j] = line[k]!;
    const n = v[i]![j]!;
    if (n > 0 && k < line.length - 1) return n; // the smallest positive cell first
    if (n > 0) return Number.MAX_SAFE_INTEGER - 1; // then the line's total
    return Number.MAX_SAFE_INTEGER; // a zero last: a structural zero protects nothing
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([i, j]) => hidden[i]![j]).length !== 1) continue;
      const open = line.map((_, k) => k).filter((k) => !hidden[line[k]![0]]![line[k]![1]]);
      if (open.length === 0) continue;
      const k = open.reduce((best, x) => (rank(line, x) < rank(line, best) ? x : best));
      hidden[line[k]![0]]![line[k]![1]] = true;
      secondary += 1;
      changed = true;
    }
  }
  const shown = (i: number, j: number) => (hidden[i]![j] ? null : v[i]![j]!);
  return {
    threshold,
    rows,
    cols,
    cells: rows.map((_, i) => cols.map((_, j) => shown(i, j))),
    rowTotals: rows.map((_, i) => shown(i, C)),
    colTotals: cols.map((_, j) => shown(R, j)),
    total: shown(R, C),
    suppressed: { primary, secondary },
  };
}
