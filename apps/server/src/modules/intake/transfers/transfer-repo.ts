import type { Kysely } from 'kysely';
import type { TransferView } from '@siso/shared';
import type { DB } from '../../../db/types.js';
import type { FieldClass } from '../../../access/field-classes.js';
import type { ContextActor } from '../../organisation/require-actor.js';
// SCAFFOLD (issue 5): internal API between the intake parts; the owner replaces the body.

/** Sends of a visible scheda and the transfer it was received from (snapshot masked with `readable`). */
export async function loadTransfersOf(
  _db: Kysely<DB>,
  _actor: ContextActor,
  _intakeId: string,
  _readable: ReadonlySet<FieldClass>,
): Promise<{ sent: TransferView[]; receivedFrom: TransferView | null }> {
  return { sent: [], receivedFrom: null };
}
