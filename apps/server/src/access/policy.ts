import type { ActionName } from '@siso/shared';
import type { ProfileCode } from './profiles.js';

/**
 * One rule per action (architecture: "Rules are data"). `profiles` lists the default profiles that
 * hold the permission; the demo seed and the region templates are built from these tables, and a
 * test fails when a contract has no rule (auth.* are exempt: public or actor-only).
 */
export interface PolicyRule {
  profiles: readonly ProfileCode[];
  /** Why the rule is what it is, citing the law where it comes from one. */
  note?: string;
}

export type ModuleOf<A extends string> = A extends `${infer M}.${string}` ? M : never;

/** The rules of one module: exactly its actions, each with a rule. */
export type PolicyTable<M extends string> = {
  [A in ActionName as ModuleOf<A> extends M ? A : never]: PolicyRule;
};

/** Actions outside the permission catalogue (wire contract: auth.* are public or actor-only). */
export function isExempt(action: string): boolean {
  return action.startsWith('auth.');
}
