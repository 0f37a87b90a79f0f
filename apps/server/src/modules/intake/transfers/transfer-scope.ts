import { sql, type RawBuilder } from 'kysely';
import type { ContextActor } from '../../organisation/require-actor.js';

/**
 * Which transfers a desk lists: those to (received) or from (sent) the actor's current desk; profiles
 * whose intakeTransfers.find scope is the ente or the ambito (the sector head) list every desk of
 * their ente, never another ente's. The list narrows the transfer's rule (selectTransfers), it does
 * not widen it: the sector head lists the sends of the schede they see and what was received at
 * their own desk — a transfer received at another desk from another ente is that desk's.
 */
export function transferDeskFilter(actor: ContextActor, direction: 'received' | 'sent'): RawBuilder<boolean> {
  const c = actor.context;
  const wide = isWide(actor);
  if (direction === 'received') return wide ? sql<boolean>`t.dest_ente_id = ${c.enteId}` : sql<boolean>`t.dest_office_id = ${c.officeId}`;
  return wide ? sql<boolean>`t.source_ente_id = ${c.enteId}` : sql<boolean>`t.source_office_id = ${c.officeId}`;
}

function isWide(actor: ContextActor): boolean {
  return ['ente', 'ambito'].includes(actor.scopes['intakeTransfers.find'] ?? '');
}

/** The received list of one desk (not ente-wide): exactly the sends its desk sees by their nature (visibleByNature). */
export function isDeskInbox(actor: ContextActor, direction: 'received' | 'sent'): boolean {
  return direction === 'received' && !isWide(actor);
}
