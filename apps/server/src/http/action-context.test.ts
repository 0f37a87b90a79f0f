import { describe, expectTypeOf, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { ActionContext } from './action.js';
import type { Tx } from '../db/transaction.js';

/**
 * Issue 10, point 3: an action reaches the database only through the guarded transaction. The raw
 * pool (`services.database.db`/`pool`), which read unscoped on PostgreSQL and deadlocked the
 * embedded database's single connection, is not in the context's type (the runtime half:
 * access/scope-guard.int.test.ts, "gives actions no raw database").
 */
describe('action context', () => {
  it('offers the guarded transaction and no pool', () => {
    expectTypeOf<ActionContext['tx']>().toEqualTypeOf<Tx>();
    expectTypeOf<ActionContext['services']['database']>().toEqualTypeOf<{ kind: 'pglite' | 'postgres' }>();
    expectTypeOf<ActionContext['services']>().not.toHaveProperty('pool');
    expectTypeOf<ActionContext['services']['database']>().not.toMatchTypeOf<{ db: Kysely<never> }>();
  });
});
