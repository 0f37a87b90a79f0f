import { defineConfig } from 'vitest/config';

/**
 * One runner, four projects (design/architecture.md, "Tests"):
 * - unit: pure rules and components, no database;
 * - int-pglite: every *.int.test.ts through the real HTTP pipeline on in-process PGlite;
 * - int-postgres: the same files on the PostgreSQL server at TEST_DATABASE_URL;
 * - e2e: journeys in Debian's Chromium against one running server (see scripts/e2e.mjs).
 */
const intInclude = ['apps/**/src/**/*.int.test.ts', 'packages/**/src/**/*.int.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/**/src/**/*.test.{ts,tsx}', 'packages/**/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          // A guard against a hung test, not a speed limit: npm test runs unit beside typecheck and lint,
          // and on 2 loaded cores a jsdom page test can pass Vitest's default 5 s (speed is in bench/).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'int-pglite',
          include: intInclude,
          env: { SISO_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['apps/server/src/testing/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'int-postgres',
          include: intInclude,
          // Tests of the embedded database itself (crash recovery, lock file) have no PostgreSQL twin.
          exclude: ['**/*.pglite.int.test.ts', '**/node_modules/**'],
          env: { SISO_TEST_DB: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['apps/server/src/testing/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
