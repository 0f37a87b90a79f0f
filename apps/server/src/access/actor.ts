import type { OfficeType, WorkContext } from '@siso/shared';

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
  profiles: readonly string[];
}

/** The audit chain of an actor's actions: their ambito, or the installation chain above ambiti. */
export function chainKeyOf(actor: Pick<Actor, 'context'> | null): string {
  return actor?.context?.ambitoId ?? 'installation';
}
