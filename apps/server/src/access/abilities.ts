import type { Actor } from './actor.js';

/**
 * The actions the actor may perform on a record (architecture, pipeline step 5: "each returned record
 * carries abilities: string[] ... so the UI never re-derives a rule"). `recordCheck` adds what the
 * permission alone does not say (state, ownership); it must be pure and cheap (no queries per record).
 */
export function abilitiesFor(
  actor: Actor,
  candidates: readonly string[],
  recordCheck: (action: string) => boolean = () => true,
): string[] {
  return candidates.filter((a) => actor.permissions.has(a) && recordCheck(a));
}
