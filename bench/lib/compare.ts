import { BENCH_SCALE } from './scale.js';
import { median, runLoad, type LoadResult, type RequestSpec } from './load.js';

/**
 * Interleaved rounds of several variants at one concurrency, median of `rounds`, printed as a table
 * plus the overhead of `subject` over `baseline` (p50/p95 deltas and throughput ratio).
 */
export async function compareVariants(opts: {
  label: string;
  specs: Record<string, RequestSpec>;
  concurrency: number;
  rounds: number;
  durationMs: number;
  subject: string;
  baseline: string;
  target?: { p50: number; p95: number };
}): Promise<{ addP50: number; addP95: number }> {
  const { specs, concurrency } = opts;
  const results: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(specs).map((k) => [k, []]));
  for (const s of Object.values(specs)) await runLoad(s, concurrency, 500); // warm-up
  for (let round = 0; round < opts.rounds; round++) {
    for (const [name, spec] of Object.entries(specs)) results[name]!.push(await runLoad(spec, concurrency, opts.durationMs));
  }
  const m = (name: string, k: keyof LoadResult) => median(results[name]!.map((r) => r[k]));
  console.log(`\n[${opts.label}] concurrency ${concurrency}, scale ${BENCH_SCALE}, median of ${opts.rounds} interleaved ${opts.durationMs / 1000}s rounds`);
  console.log('variant          req/s    p50 ms   p95 ms   errors');
  for (const name of Object.keys(specs)) {
    console.log(`${name.padEnd(15)} ${m(name, 'rps').toFixed(0).padStart(6)}  ${m(name, 'p50').toFixed(3).padStart(7)}  ${m(name, 'p95').toFixed(3).padStart(7)}   ${m(name, 'errors')}`);
  }
  const failed = Object.keys(specs).filter((n) => m(n, 'errors') > 0);
  if (failed.length > 0) throw new Error(`requests failed in ${failed.join(', ')}: the figures would be meaningless`);
  const addP50 = m(opts.subject, 'p50') - m(opts.baseline, 'p50');
  const addP95 = m(opts.subject, 'p95') - m(opts.baseline, 'p95');
  const verdict = opts.target ? ` — target ≤ ${opts.target.p50} ms p50 / ≤ ${opts.target.p95} ms p95: ${addP50 <= opts.target.p50 && addP95 <= opts.target.p95 ? 'met' : 'NOT met'}` : '';
  console.log(
    `${opts.subject} vs ${opts.baseline}: +${addP50.toFixed(3)} ms p50, +${addP95.toFixed(3)} ms p95, throughput ×${(m(opts.subject, 'rps') / m(opts.baseline, 'rps')).toFixed(2)}${verdict}`,
  );
  return { addP50, addP95 };
}
