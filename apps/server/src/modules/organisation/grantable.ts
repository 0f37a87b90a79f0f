import type { ProfileScope } from '@siso/shared';
import type { Actor } from '../../access/actor.js';
import { AppError, type ErrorDetail } from '../../http/app-error.js';
import { maxScopeOf, scopeRank } from './reach.js';

/**
 * "An administrator can grant only permissions and scopes they hold" (access issue): every permission
 * handed out must be one of the actor's own, and the data scope no wider than theirs. Otherwise 403
 * `forbidden`, with the path of each offending permission.
 */
export function assertGrantable(actor: Actor, profile: { permissions: readonly string[]; scope: string }, path: (permission: string, index: number) => string, scopePath: string): void {
  const details: ErrorDetail[] = [];
  profile.permissions.forEach((p, i) => {
    if (!actor.permissions.has(p)) details.push({ path: path(p, i), message: 'permesso_non_concedibile' });
  });
  if (scopeRank(profile.scope as ProfileScope) > scopeRank(maxScopeOf(actor))) details.push({ path: scopePath, message: 'ambito_dati_non_concedibile' });
  if (details.length > 0) throw new AppError('forbidden', details);
}
