/** BENCH_SCALE: 1 = the full volumes; default 0.1 (architecture, "Tests"). */
export const BENCH_SCALE = Number(process.env.BENCH_SCALE ?? '0.1');
if (!(BENCH_SCALE > 0)) throw new Error('BENCH_SCALE must be a positive number');

export function scaled(n: number, min = 1): number {
  return Math.max(min, Math.round(n * BENCH_SCALE));
}
