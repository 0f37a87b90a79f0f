import { sql, type RawBuilder } from 'kysely';
import type { ContextActor } from '../organisation/require-actor.js';

/**
 * The desks an actor reaches for `permission`, over aliases o (office) and e (ente): installation
 * scope (system administrator) → every desk of the region; ambito scope (ambito administrator) →
 * the ambito's desks; any narrower scope (desk operators) → the desks of their ente.
 */
export function deskReach(actor: ContextActor, permission: string): RawBuilder<boolean> {
  const c = actor.context;
  switch (actor.scopes[permission]) {
    case 'installation':
      return sql<boolean>`e.regione_id = ${c.regioneId}`;
    case 'ambito':
      return c.ambitoId ? sql<boolean>`o.ambito_id = ${c.ambitoId}` : sql<boolean>`false`;
    case undefined:
      return sql<boolean>`false`;
    default:
      return sql<boolean>`o.ente_id = ${c.enteId}`;
  }
}
