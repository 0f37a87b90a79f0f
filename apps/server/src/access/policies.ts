import type { ActionName } from '@siso/shared';
import { alertsPolicy } from '../notifications/alerts.policy.js';
import { jobsPolicy } from '../jobs/jobs.policy.js';
import { systemPolicy } from '../modules/system/system.policy.js';
import { auditPolicy } from '../audit/audit.policy.js';
import type { PolicyRule } from './policy.js';
import { breakGlassPolicy } from './break-glass.policy.js';
import type { ProfileCode } from './profiles.js';
import { organisationPolicies } from '../modules/organisation/policies.js';
import { personsPolicy } from '../modules/persons/persons.policy.js';
import { householdsPolicy } from '../modules/persons/households/households.policy.js';
import { referencePolicy } from '../modules/reference/reference.policy.js';
import { fieldsPolicy } from '../modules/fields/fields.policy.js';
import { intakeNotesPolicy, intakePolicy, intakeTransfersPolicy, proposalsPolicy } from '../modules/intake/intake.policy.js';
import { attachmentsPolicy, serviceCataloguePolicy, serviceRequestsPolicy } from '../modules/service-requests/service-requests.policy.js';
import { consentsPolicy } from '../modules/consents/consents.policy.js';
import { desksPolicy } from '../modules/desks/desks.policy.js';

export type CatalogueAction = Exclude<ActionName, `auth.${string}`>;

/**
 * The permission catalogue: every action outside auth.* with its rule. `satisfies` makes an action
 * without a rule a compile error (access issue: "adding an action without a policy rule fails the build").
 */
export const policies = {
  ...systemPolicy,
  ...jobsPolicy,
  ...alertsPolicy,
  ...breakGlassPolicy,
  ...auditPolicy,
  ...organisationPolicies,
  ...personsPolicy,
  ...householdsPolicy,
  ...referencePolicy,
  ...fieldsPolicy,
  ...intakePolicy,
  ...intakeNotesPolicy,
  ...intakeTransfersPolicy,
  ...proposalsPolicy,
  ...serviceRequestsPolicy,
  ...attachmentsPolicy,
  ...serviceCataloguePolicy,
  ...consentsPolicy,
  ...desksPolicy,
} satisfies Record<CatalogueAction, PolicyRule>;

/** The permissions of a default profile, derived from the policy tables. */
export function defaultPermissions(profile: ProfileCode): string[] {
  return Object.entries(policies as Record<string, PolicyRule>)
    .filter(([, rule]) => rule.profiles.includes(profile))
    .map(([action]) => action)
    .sort();
}
