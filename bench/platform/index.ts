/**
 * bench/platform: the platform's own costs, in two parts (bench/platform/README.md).
 *  - startup (issue 11, point 6): first and later start of `npm start`, broken down by phase;
 *    writes bench/platform/last-run.md;
 *  - pipeline (issue "Platform foundation"): what the request pipeline adds over raw SQL.
 * `BENCH_PLATFORM=startup` or `pipeline` runs one part (default both).
 */
import { runPipeline } from './pipeline.js';
import { runStartup } from './startup.js';

export async function run(): Promise<void> {
  const parts = (process.env.BENCH_PLATFORM ?? 'startup,pipeline').split(',');
  if (parts.includes('startup')) await runStartup();
  if (parts.includes('pipeline')) await runPipeline();
}
