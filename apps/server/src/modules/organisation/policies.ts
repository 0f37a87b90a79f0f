import { ambitiPolicy, contactPointsPolicy, entesPolicy, officesPolicy, organisationPolicy } from './organisation.policy.js';
import { grantsPolicy, operatorsPolicy, profilesPolicy } from './operators.policy.js';

/** Every rule of the module, for the permission catalogue (access/policies.ts). */
export const organisationPolicies = {
  ...organisationPolicy,
  ...ambitiPolicy,
  ...entesPolicy,
  ...officesPolicy,
  ...contactPointsPolicy,
  ...operatorsPolicy,
  ...profilesPolicy,
  ...grantsPolicy,
};
