import fs from 'node:fs';
import path from 'node:path';

/** The repository's root (structural tests read its sources). */
export const repoRoot = path.resolve(new URL('../../../../', import.meta.url).pathname);

/** The TypeScript files under `dir` (node_modules excluded); `tests: false` leaves test files out. */
export function sourceFiles(dir: string, opts: { tests?: boolean } = {}): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p, opts);
    if (!/\.tsx?$/.test(e.name)) return [];
    return opts.tests === false && /\.test\.tsx?$/.test(e.name) ? [] : [p];
  });
}
