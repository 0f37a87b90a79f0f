import { upsertAmbito } from './actions/upsert-ambito.js';
import { upsertContactPoint } from './actions/upsert-contact-point.js';
import { upsertEnte } from './actions/upsert-ente.js';
import { upsertOffice } from './actions/upsert-office.js';
import { organisationTreeHandler } from './actions/tree.js';
import { createOperator } from './actions/create-operator.js';
import { findOperators } from './actions/find-operators.js';
import { getOperator } from './actions/get-operator.js';
import { resetOperatorPassword } from './actions/reset-operator-password.js';
import { resetOperatorTotp } from './actions/reset-operator-totp.js';
import { unlockOperator } from './actions/unlock-operator.js';
import { updateOperator } from './actions/update-operator.js';
import { findProfiles } from './actions/find-profiles.js';
import { upsertProfile } from './actions/upsert-profile.js';
import { createGrant } from './actions/create-grant.js';
import { revokeGrant } from './actions/revoke-grant.js';
import { findGrants } from './actions/find-grants.js';
import { findGrantSubjects } from './actions/find-grant-subjects.js';

/** The organisation, access and profiles module (product brief, module 1): its handlers and rules. */
export const organisationHandlers = {
  'organisation.tree': organisationTreeHandler,
  'ambiti.upsert': upsertAmbito,
  'entes.upsert': upsertEnte,
  'offices.upsert': upsertOffice,
  'contactPoints.upsert': upsertContactPoint,
  'operators.find': findOperators,
  'operators.get': getOperator,
  'operators.create': createOperator,
  'operators.update': updateOperator,
  'operators.unlock': unlockOperator,
  'operators.resetPassword': resetOperatorPassword,
  'operators.resetTotp': resetOperatorTotp,
  'profiles.find': findProfiles,
  'profiles.upsert': upsertProfile,
  'grants.create': createGrant,
  'grants.revoke': revokeGrant,
  'grants.find': findGrants,
  'grants.subjects': findGrantSubjects,
} as const;

export { organisationPolicies } from './policies.js';
