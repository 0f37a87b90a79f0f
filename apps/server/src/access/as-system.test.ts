import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `ctx.asSystem(reason)` bypasses the scope guard. Architecture, principle 1: it is allowed only in an
 * explicit allowlist of places (jobs, command-line tools, login before an actor exists, delivering a
 * message into another ambito's inbox). Add a file here only with a reason.
 */
const allowlist: Record<string, string> = {
  'apps/server/src/access/scope-guard.int.test.ts': 'tests the bypass itself',
};

const root = path.resolve(new URL('../../../../', import.meta.url).pathname);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('asSystem allowlist', () => {
  it('is used only in the allowlisted files', () => {
    const users = sources(path.join(root, 'apps/server/src'))
      .filter((f) => /\basSystem\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f))
      // The definition (pipeline) and this test name it without calling it on a handler context.
      .filter((f) => !['apps/server/src/http/pipeline.ts', 'apps/server/src/http/action.ts', 'apps/server/src/access/as-system.test.ts', 'apps/server/src/access/scope-guard.ts'].includes(f));
    expect(users.sort()).toEqual(Object.keys(allowlist).sort());
  });
});
