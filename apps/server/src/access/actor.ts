import type { OfficeType, WorkContext } from '@siso/shared';
import type { FieldClass } from './field-classes.js';

/**
 * Who is acting (architecture, request pipeline step 1): the operator plus the chosen ente and office
 * and the profiles of that assignment. `context` is null until auth.selectContext.
 */
export interface Actor {
  operatorId: string;
  username: string;
  displayName: string;
  sessionHash: string;
  context: (WorkContext & { officeType: OfficeType }) | null;
  /** Union of the permissions of the assignment's profiles (architecture: scope and grants). */
  permissions: ReadonlySet<string>;
  /** The widest scope among the profiles holding each permission. */
  scopes: Readonly<Record<string, Scope>>;
  /** Field classes readable / writable: the profiles' policy ∩ the office type's policy. */
  readable: ReadonlySet<FieldClass>;
  writable: ReadonlySet<FieldClass>;
  profiles: readonly string[];
  /**
   * The one ambito of all the operator's valid assignments, if there is exactly one: actions taken
   * before choosing a context (first-login password change, TOTP enrolment) belong to that ambito's
   * audit chain, where its DPO reads them.
   */
  homeAmbitoId: string | null;
}

/** Data scope of a profile (architecture): whose records a permission reaches. */
export type Scope = 'own' | 'office' | 'ente' | 'ambito' | 'region_aggregate' | 'installation';

/** The audit chain of an actor's actions: their ambito, or the installation chain above ambiti. */
export function chainKeyOf(actor: Pick<Actor, 'context' | 'homeAmbitoId'> | null): string {
  return actor?.context?.ambitoId ?? actor?.homeAmbitoId ?? 'installation';
}
