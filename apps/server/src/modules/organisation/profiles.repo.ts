import { contracts, type ProfileView } from '@siso/shared';
import type { Selectable } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { abilitiesFor } from '../../access/abilities.js';
import { policies } from '../../access/policies.js';
import type { Profile } from '../../db/types.js';
import { inReach, reachOf } from './reach.js';

/**
 * Who may edit a profile: ambito profiles by an administrator whose reach covers the ambito; the
 * region's templates (no ambito) only by an installation-wide administrator.
 */
export function profileEditable(actor: Actor, ambitoId: string | null): boolean {
  const r = reachOf(actor, 'profiles.upsert');
  return ambitoId === null ? r.all : inReach(r, { ambitoId });
}

export function presentProfile(actor: Actor, p: Selectable<Profile>): ProfileView {
  return {
    id: p.id, ambitoId: p.ambito_id, code: p.code, name: p.name, permissions: [...p.permissions].sort(),
    scope: p.scope as ProfileView['scope'],
    readableClasses: p.readable_classes as ProfileView['readableClasses'],
    writableClasses: p.writable_classes as ProfileView['writableClasses'],
    requiresTotp: p.requires_totp, archived: p.archived_at !== null, version: p.version,
    abilities: abilitiesFor(actor, ['profiles.upsert'], () => profileEditable(actor, p.ambito_id)),
  };
}

/** The catalogue of permissions (every action outside auth.*), with module and summary. */
export function catalogue(): { action: string; module: string; summary: string }[] {
  return Object.keys(policies)
    .sort()
    .map((action) => ({ action, module: action.split('.')[0]!, summary: (contracts as Record<string, { summary: string }>)[action]?.summary ?? '' }));
}

export function isCatalogued(action: string): boolean {
  return Object.hasOwn(policies, action);
}
