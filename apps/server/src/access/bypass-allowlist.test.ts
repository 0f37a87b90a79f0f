import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sourceFiles } from '../testing/source-files.js';

/**
 * The ways past the scope guard (issue 10, point 2), each allowed only where a reason is written
 * here: `ctx.asSystem(reason)` (reads and writes with no guard: jobs, login before an actor exists,
 * moving every reference of a merged person), `ctx.crossTenant(reason)` (writes delivered into
 * another ente or ambito), and the guard's own machinery (the token's nonce and the SQL checker),
 * which only the visibility module and the guard may import. A new file using any of them fails
 * this test until it is added with its reason.
 */
const allowlist: Record<string, Record<string, string>> = {
  asSystem: {
    'apps/server/src/access/scope-guard.int.test.ts': 'tests the bypass itself',
    'apps/server/src/modules/persons/actions/merge-persons.ts':
      'a merge moves every reference to the merged person, in every desk of the ambito (issue 4, point 7): a reference left behind would point at an archived record',
  },
  crossTenant: {
    'apps/server/src/modules/intake/actions/delete-intake-record.ts':
      'a deleted scheda takes with it the alerts that name it, its sends or its proposals (migration 0016): some are the destination desk’s, possibly of another ente',
    'apps/server/src/modules/intake/proposals/proposal-access.ts':
      'the destination’s professional social service marks seen or rejects a proposal it reads but does not own: the row is the proposing desk’s (its scheda’s), possibly of another ente (the capofila receives for the ambito)',
    'apps/server/src/modules/intake/transfers/decide-transfer.ts':
      'the destination desk accepts or refuses a transfer it reads but does not own: the row is the sending desk’s (its scheda’s), possibly of another ente or ambito',
  },
  machinery: {
    'apps/server/src/access/visibility.ts': 'builds every token',
    'apps/server/src/access/sql-scope-check.test.ts': 'tests the checker',
    'apps/server/src/app.ts': 'loads the SQL parser before the first request',
  },
};

const patterns: Record<string, RegExp> = {
  asSystem: /\basSystem\(/,
  crossTenant: /\bcrossTenant\(/,
  machinery: /from '[./]*(access\/)?(visibility-token|sql-scope-check)\.js'/,
};

// The definitions name them without calling them on a handler context.
const definitions = new Set([
  'apps/server/src/http/pipeline.ts',
  'apps/server/src/http/action.ts',
  'apps/server/src/access/bypass-allowlist.test.ts',
  'apps/server/src/access/scope-guard.ts',
  'apps/server/src/access/visibility-token.ts',
  'apps/server/src/access/sql-scope-check.ts',
]);

const root = repoRoot;
const sources = (dir: string) => sourceFiles(dir);

describe('ways past the scope guard', () => {
  const files = [...sources(path.join(root, 'apps/server/src')), ...sources(path.join(root, 'bench'))].map((f) => ({
    file: path.relative(root, f),
    text: fs.readFileSync(f, 'utf8'),
  }));
  for (const [name, pattern] of Object.entries(patterns)) {
    it(`${name} is used only in the allowlisted files`, () => {
      const users = files.filter((f) => !definitions.has(f.file) && pattern.test(f.text)).map((f) => f.file);
      expect(users.sort()).toEqual(Object.keys(allowlist[name]!).sort());
    });
  }
});
