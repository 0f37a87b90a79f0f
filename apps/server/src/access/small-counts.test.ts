import { describe, expect, it } from 'vitest';
import { suppressSmallCounts, type CountCell, type SuppressedTable } from './small-counts.js';

const cell = (row: string, col: string, count: number): CountCell => ({ row, col, count });

/** The grid with its margins, as published (null = hidden). */
function grid(t: SuppressedTable): (number | null)[][] {
  return [...t.cells.map((r, i) => [...r, t.rowTotals[i]!]), [...t.colTotals, t.total]];
}

/** Every line (row or column, margins included) has zero or at least two hidden values. */
function noLineGivesOneBack(t: SuppressedTable): boolean {
  const g = grid(t);
  const rows = g;
  const cols = g[0]!.map((_, j) => g.map((r) => r[j]));
  return [...rows, ...cols].every((line) => line.filter((v) => v === null).length !== 1);
}

describe('small-count suppression', () => {
  it('publishes a table with no small count as it is, with its totals', () => {
    const t = suppressSmallCounts([cell('Castello', 'minori', 12), cell('Castello', 'anziani', 30), cell('Umbertide', 'minori', 8), cell('Umbertide', 'anziani', 9)], { threshold: 5 });
    expect(t).toMatchObject({
      rows: ['Castello', 'Umbertide'], cols: ['minori', 'anziani'],
      cells: [[12, 30], [8, 9]], rowTotals: [42, 17], colTotals: [20, 39], total: 59, suppressed: { primary: 0, secondary: 0 },
    });
  });

  it('hides counts below the threshold and, in their row and column, a complement so totals cannot give them back', () => {
    const t = suppressSmallCounts(
      [cell('Castello', 'minori', 12), cell('Castello', 'disabili', 2), cell('Castello', 'anziani', 30),
       cell('Umbertide', 'minori', 8), cell('Umbertide', 'disabili', 7), cell('Umbertide', 'anziani', 9)],
      { threshold: 5 },
    );
    // 2 is hidden; in its row the smallest other cell (12) goes too; in its column the 7, and then in
    // Umbertide's row the 8, which closes the minori column as well (12 and 8 both hidden).
    expect(t.cells).toEqual([[null, null, 30], [null, null, 9]]);
    expect(t.rowTotals).toEqual([44, 24]);
    expect(t.colTotals).toEqual([20, 9, 39]);
    expect(t.total).toBe(68);
    expect(t.suppressed).toEqual({ primary: 1, secondary: 3 });
    expect(noLineGivesOneBack(t)).toBe(true);
  });

  it('hides small totals too, and protects them in the margins', () => {
    const t = suppressSmallCounts([cell('A', 'x', 2), cell('A', 'y', 1), cell('B', 'x', 10), cell('B', 'y', 10), cell('C', 'x', 10), cell('C', 'y', 11)], { threshold: 5 });
    expect(t.rowTotals[0]).toBeNull(); // A's total is 3
    expect(t.cells[0]).toEqual([null, null]);
    expect(noLineGivesOneBack(t)).toBe(true);
  });

  it('uses the line total as complement when the other cells are zeros (a structural zero protects nothing)', () => {
    // Each comune belongs to one ambito: the other ambito's cell is a known zero.
    const t = suppressSmallCounts([cell('Castello', 'ZS1', 3), cell('Umbertide', 'ZS1', 9), cell('Perugia', 'ZS2', 40)], { threshold: 5, cols: ['ZS1', 'ZS2'] });
    expect(t.cells).toEqual([[null, 0], [null, 0], [0, 40]]);
    expect(t.rowTotals).toEqual([null, null, 40]);
    expect(t.colTotals).toEqual([12, 40]);
    expect(noLineGivesOneBack(t)).toBe(true);
  });

  it('counts every listed row and column, zeros included, and publishes zeros', () => {
    const t = suppressSmallCounts([cell('a', 'x', 7)], { threshold: 5, rows: ['a', 'b'], cols: ['x', 'y'] });
    expect(t.cells).toEqual([[7, 0], [0, 0]]);
    expect(t.total).toBe(7);
  });

  it('hides a lone small count entirely, margins included', () => {
    const t = suppressSmallCounts([cell('a', '', 4)], { threshold: 5 });
    expect(grid(t)).toEqual([[null, null], [null, null]]);
  });

  it('follows the configured threshold', () => {
    const cells = [cell('a', 'x', 3), cell('a', 'y', 20), cell('b', 'x', 20), cell('b', 'y', 20)];
    expect(suppressSmallCounts(cells, { threshold: 3 }).suppressed.primary).toBe(0);
    expect(suppressSmallCounts(cells, { threshold: 4 }).suppressed.primary).toBe(1);
    expect(() => suppressSmallCounts(cells, { threshold: 1 })).toThrow();
    expect(() => suppressSmallCounts([cell('a', 'x', -1)], { threshold: 5 })).toThrow();
  });

  it('never leaves a line with a single hidden value, and never alters a published value (random tables)', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const rows = Array.from({ length: 1 + Math.floor(rnd() * 5) }, (_, i) => `r${i}`);
      const cols = Array.from({ length: 1 + Math.floor(rnd() * 5) }, (_, j) => `c${j}`);
      const cells = rows.flatMap((r) => cols.map((c) => cell(r, c, rnd() < 0.3 ? Math.floor(rnd() * 5) : Math.floor(rnd() * 40))));
      const t = suppressSmallCounts(cells, { threshold: 5 });
      expect(noLineGivesOneBack(t)).toBe(true);
      rows.forEach((r, i) =>
        cols.forEach((c, j) => {
          const truth = cells.find((x) => x.row === r && x.col === c)!.count;
          const shown = t.cells[i]![j];
          if (truth > 0 && truth < 5) expect(shown).toBeNull();
          if (shown !== null) expect(shown).toBe(truth);
        }),
      );
    }
  });
});
