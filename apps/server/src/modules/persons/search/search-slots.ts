import type { Kysely } from 'kysely';
import type { Actor } from '../../../access/actor.js';
import type { DB } from '../../../db/types.js';

/**
 * Search results carry slots that later modules fill (issue 4, point 1): the case file, open intake
 * records, the privacy status. A module registers a filler that receives the ids of the people
 * returned IN the actor's scope and answers, in one query (no N+1), a value per person.
 */
export type SlotFiller = (db: Kysely<DB>, actor: Actor, personIds: readonly string[]) => Promise<Map<string, unknown>>;

const fillers = new Map<string, SlotFiller>();

export function registerSearchSlot(name: string, fill: SlotFiller): void {
  fillers.set(name, fill);
}

export async function fillSlots(db: Kysely<DB>, actor: Actor, personIds: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>(personIds.map((id) => [id, {}]));
  if (personIds.length === 0) return out;
  for (const [name, fill] of fillers) {
    const values = await fill(db, actor, personIds);
    for (const id of personIds) out.get(id)![name] = values.get(id) ?? null;
  }
  return out;
}
