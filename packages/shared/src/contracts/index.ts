import { authLogin, authLogout, authMe, authSelectContext } from './auth.js';
import { authChangePassword, authConfig, authConfirmTotp, authEnrollTotp, authLogoutEverywhere, authSessions, authVerifyTotp } from './auth.js';
import { alertsGetPreferences, alertsSetPreferences } from './alert-preferences.js';
import { alertsFind, alertsMarkRead } from './alerts.js';
import { jobsFind, jobsFindRuns, jobsGetRun, jobsStart } from './jobs.js';
import { systemGet } from './system.js';
import { breakGlassFind, breakGlassOpen } from './break-glass.js';
import { auditExport, auditFind, auditVerify } from './audit.js';
import { organisationContracts } from './organisation.js';
import { personsContracts } from './persons.js';
import { householdsContracts } from './households.js';
import { referenceContracts } from './reference.js';
import { fieldsContracts } from './fields.js';
import { intakeContracts } from './intake.js';
import { serviceRequestsContracts } from './service-requests.js';
import { consentsContracts } from './consents.js';
import { desksContracts } from './desks.js';

export * from './define.js';
export * from './auth.js';
export * from './alert-preferences.js';
export * from './alerts.js';
export * from './jobs.js';
export * from './system.js';
export * from './break-glass.js';
export * from './audit.js';
export * from './organisation.js';
export * from './persons.js';
export * from './households.js';
export * from './reference.js';
export * from './fields.js';
export * from './intake.js';
export * from './service-requests.js';
export * from './consents.js';
export * from './desks.js';

/**
 * Every action of the API, by name. The server registers a route for each, the web client is typed
 * from it and the OpenAPI document is generated from its zod schemas: one name per action, everywhere.
 */
export const contracts = {
  [authLogin.name]: authLogin,
  [authMe.name]: authMe,
  [authSelectContext.name]: authSelectContext,
  [authLogout.name]: authLogout,
  [authConfig.name]: authConfig,
  [authVerifyTotp.name]: authVerifyTotp,
  [authEnrollTotp.name]: authEnrollTotp,
  [authConfirmTotp.name]: authConfirmTotp,
  [authChangePassword.name]: authChangePassword,
  [authSessions.name]: authSessions,
  [authLogoutEverywhere.name]: authLogoutEverywhere,
  [alertsGetPreferences.name]: alertsGetPreferences,
  [alertsSetPreferences.name]: alertsSetPreferences,
  [systemGet.name]: systemGet,
  [breakGlassOpen.name]: breakGlassOpen,
  [breakGlassFind.name]: breakGlassFind,
  [auditFind.name]: auditFind,
  [auditExport.name]: auditExport,
  [auditVerify.name]: auditVerify,
  [jobsFind.name]: jobsFind,
  [jobsFindRuns.name]: jobsFindRuns,
  [jobsGetRun.name]: jobsGetRun,
  [jobsStart.name]: jobsStart,
  [alertsFind.name]: alertsFind,
  [alertsMarkRead.name]: alertsMarkRead,
  ...organisationContracts,
  ...personsContracts,
  ...householdsContracts,
  ...referenceContracts,
  ...fieldsContracts,
  ...intakeContracts,
  ...serviceRequestsContracts,
  ...consentsContracts,
  ...desksContracts,
} as const;

export type Contracts = typeof contracts;
export type ActionName = keyof Contracts;
