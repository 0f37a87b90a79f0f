import type { ActionContract } from '@siso/shared';
import type { Actor } from '../access/actor.js';
import type { AppServices } from '../app-services.js';
import type { SessionStatus } from '../auth/session-store.js';
import { safeEqual } from '../auth/tokens.js';
import { allowedInStatus } from '../auth/session-status.js';
import { AppError } from './app-error.js';

export interface Authenticated {
  actor: Actor;
  csrfToken: string;
  status: SessionStatus;
  csrfMatches(sent: string): boolean;
}

/** Step 1 of the pipeline: the session cookie → the actor (or null). */
export async function resolveSession(services: AppServices, token: string | undefined): Promise<Authenticated | null> {
  const loaded = token ? await services.sessions.load(token) : null;
  if (!loaded) return null;
  return { ...loaded, csrfMatches: (sent) => safeEqual(sent, loaded.csrfToken) };
}

/**
 * What the action's access level needs. `context` actions also need the permission named like the
 * action (the access issue refines this with scope, grants and field classes). Kept apart from
 * resolveSession so that a denied request is audited with the actor who tried.
 */
export function checkAccess(contract: ActionContract, auth: Authenticated | null): void {
  if (contract.access === 'public') return;
  if (!auth) throw new AppError('unauthenticated');
  // A session mid-authentication (TOTP, forced password change) reaches only auth.me, auth.logout and
  // the action completing its step (auth/session-status.ts).
  if (!allowedInStatus(auth.status, contract.name)) {
    throw new AppError('forbidden', [], `session status ${auth.status}`);
  }
  if (contract.access === 'session') return;
  if (!auth.actor.context) throw new AppError('context_required');
  if (!auth.actor.permissions.has(contract.name)) throw new AppError('forbidden');
}
