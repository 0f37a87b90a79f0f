import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { grantedToActor } from '../../access/visibility.js';

/**
 * Record kinds of the registry (their rules: access/record-kind-rules.ts). `protectedPerson`: an
 * access grant of this kind names an operator (or office) allowed to see where a protected person
 * lives and who their family is (issue 4, point 5); granted with grants.create like any other record.
 */
export const PERSON = 'person';
export const PROTECTED_PERSON = 'protectedPerson';
/** A row of a person's history: each change is masked by the class of the person's field it changed. */
export const PERSON_HISTORY = 'personHistory';


/** True when the actor holds an active `protectedPerson` grant on the person `idRef`. */
export function protectionGrantedSql(actor: Actor, idRef: RawBuilder<unknown>): RawBuilder<boolean> {
  const c = actor.context;
  if (!c) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (
    SELECT 1 FROM access_grant g
     WHERE g.record_kind = ${PROTECTED_PERSON} AND g.record_id = ${idRef}
       AND ${grantedToActor(actor, c)})`;
}
