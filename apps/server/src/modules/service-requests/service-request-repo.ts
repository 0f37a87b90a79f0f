import type { Kysely } from 'kysely';
import type { ServiceRequestView } from '@siso/shared';
import type { DB } from '../../db/types.js';
import type { FieldClass } from '../../access/field-classes.js';
import type { ContextActor } from '../organisation/require-actor.js';
// SCAFFOLD (issue 5): internal API between the intake parts; the owner replaces the body.

/** The service requests of visible schede (the caller already checked the scheda's visibility), notes masked with `readable`. */
export async function loadServiceRequests(
  _db: Kysely<DB>,
  _actor: ContextActor,
  _intakeIds: readonly string[],
  _readable: ReadonlySet<FieldClass>,
): Promise<Map<string, ServiceRequestView[]>> {
  return new Map();
}
