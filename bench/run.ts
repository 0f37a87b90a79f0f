/**
 * `npm run bench [name…]`: runs the benchmarks under bench/<name>/index.ts (all when none is named).
 * Never part of CI: benchmarks generate volumes and take minutes.
 */
import fs from 'node:fs';

const dir = new URL('./', import.meta.url);
const wanted = process.argv.slice(2);
const names = fs
  .readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'lib' && fs.existsSync(new URL(`${d.name}/index.ts`, dir)))
  .map((d) => d.name)
  .filter((n) => wanted.length === 0 || wanted.includes(n));
for (const name of names) {
  console.log(`\n=== bench/${name} (BENCH_SCALE=${process.env.BENCH_SCALE ?? '0.1'}) ===`);
  const mod = (await import(new URL(`${name}/index.ts`, dir).href)) as { run(): Promise<void> };
  await mod.run();
}
