import { authLogin, authLogout, authMe, authSelectContext } from './auth.js';
import { alertsFind, alertsMarkRead } from './alerts.js';
import { jobsFind, jobsFindRuns, jobsGetRun, jobsStart } from './jobs.js';
import { systemGet } from './system.js';

export * from './define.js';
export * from './auth.js';
export * from './alerts.js';
export * from './jobs.js';
export * from './system.js';

/**
 * Every action of the API, by name. The server registers a route for each, the web client is typed
 * from it and the OpenAPI document is generated from its zod schemas: one name per action, everywhere.
 */
export const contracts = {
  [authLogin.name]: authLogin,
  [authMe.name]: authMe,
  [authSelectContext.name]: authSelectContext,
  [authLogout.name]: authLogout,
  [systemGet.name]: systemGet,
  [jobsFind.name]: jobsFind,
  [jobsFindRuns.name]: jobsFindRuns,
  [jobsGetRun.name]: jobsGetRun,
  [jobsStart.name]: jobsStart,
  [alertsFind.name]: alertsFind,
  [alertsMarkRead.name]: alertsMarkRead,
} as const;

export type Contracts = typeof contracts;
export type ActionName = keyof Contracts;
