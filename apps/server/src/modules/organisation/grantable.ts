import { sql, type Kysely } from 'kysely';
import type { ProfileScope } from '@siso/shared';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../access/actor.js';
import { AppError, type ErrorDetail } from '../../http/app-error.js';
import { maxScopeOf, scopeRank } from './reach.js';

/** Permissions over the organisation, accounts, profiles, jobs and the audit. */
const ADMINISTRATIVE_PREFIXES = ['audit.', 'operators.', 'profiles.', 'ambiti.', 'entes.', 'offices.', 'contactPoints.', 'organisation.', 'jobs.', 'system.'];

/**
 * "An administrator can grant only permissions and scopes they hold" (access issue): every permission
 * handed out must be one of the actor's own, and the data scope no wider than theirs. Otherwise 403
 * `forbidden`, with the path of each offending permission.
 */
export function assertGrantable(
  actor: Actor,
  profile: { permissions: readonly string[]; scope: string; regionTemplate?: boolean },
  path: (permission: string, index: number) => string,
  scopePath: string,
): void {
  const details: ErrorDetail[] = [];
  profile.permissions.forEach((p, i) => {
    if (actor.permissions.has(p)) return;
    // A region template is defined by the region, not by the administrator assigning it: its data
    // permissions (persons, intake, cases…) can be assigned by an AMBITO administrator (the caller
    // sets regionTemplate only for them, never for the installation's) who does not hold them — holding them would make the administrator read people's data, against data
    // minimisation (GDPR art. 5(1)(c), 25). Administration and oversight permissions still follow the
    // rule, so nobody hands out powers over accounts, profiles or the audit that they lack.
    if (profile.regionTemplate && !ADMINISTRATIVE_PREFIXES.some((prefix) => p.startsWith(prefix))) return;
    details.push({ path: path(p, i), message: 'permesso_non_concedibile' });
  });
  if (scopeRank(profile.scope as ProfileScope) > scopeRank(maxScopeOf(actor))) details.push({ path: scopePath, message: 'ambito_dati_non_concedibile' });
  if (details.length > 0) throw new AppError('forbidden', details);
}

/**
 * Permissions whose holders an administrator must not be able to impersonate: resetting a DPO's
 * password would let an administrator read the audit of their own actions, defeating the DPO's
 * independence (GDPR art. 38(3)) and the rule that administrators neither read nor alter the audit.
 */
const PROTECTED_PREFIXES = ['audit.'];

/**
 * An administrator may reset the password or the authenticator (TOTP) of an operator only if that
 * operator holds no protected permission the administrator lacks (otherwise 403 `forbidden`: the
 * installation's system administrator, or an operator holding the same permissions, must do it).
 */
export async function assertCanTakeOver(tx: Kysely<DB>, actor: Actor, operatorId: string, action = 'operators.resetPassword'): Promise<void> {
  // The installation's administrator is the last resort (e.g. the DPO lost their password).
  if (actor.scopes[action] === 'installation') return;
  const held = await tx
    .selectFrom('assignment')
    .innerJoin('assignment_profile', 'assignment_profile.assignment_id', 'assignment.id')
    .innerJoin('profile', 'profile.id', 'assignment_profile.profile_id')
    .select(sql<string>`unnest(profile.permissions)`.as('permission'))
    .where('assignment.operator_id', '=', operatorId)
    .execute();
  const protectedHeld = [...new Set(held.map((h) => h.permission))].filter(
    (p) => PROTECTED_PREFIXES.some((prefix) => p.startsWith(prefix)) && !actor.permissions.has(p),
  );
  if (protectedHeld.length > 0) {
    throw new AppError('forbidden', protectedHeld.map((p) => ({ path: `permissions.${p}`, message: 'operatore_protetto' })));
  }
}
