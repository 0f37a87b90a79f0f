import type { z } from 'zod';

/**
 * How an action is reached (design/architecture.md, request pipeline):
 * - `public`: no session (auth.login);
 * - `session`: a logged-in operator, with or without a chosen context (auth.*);
 * - `context`: a logged-in operator with a selected ente and office, holding the permission named
 *   like the action (every action outside `auth.*` is a permission in the catalogue).
 */
export type ActionAccess = 'public' | 'session' | 'context';

export interface ActionContract<
  N extends string = string,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  name: N;
  /** Queries run in a read-only transaction and may also be called with GET ?input=. */
  kind: 'query' | 'mutation';
  access: ActionAccess;
  summary: string;
  input: I;
  output: O;
  /**
   * The output carries a secret shown once (a temporary password): it is never stored for
   * Idempotency-Key replays, so it does not sit in clear in the database for 24 hours.
   */
  secretOutput?: boolean;
}

/**
 * `const N` keeps the literal name even where the contract is written inline as another generic
 * call's argument (a test's `defineHandler(defineAction({ name: 'fixtures.get', … }))`), so the
 * typed test client knows the fixture actions by name too.
 */
export function defineAction<const N extends string, I extends z.ZodType, O extends z.ZodType>(
  c: ActionContract<N, I, O>,
): ActionContract<N, I, O> {
  return c;
}
