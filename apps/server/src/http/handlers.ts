import { contracts, type ActionName } from '@siso/shared';
import type { ActionHandler } from './action.js';
import { login } from '../auth/actions/login.js';
import { logout } from '../auth/actions/logout.js';
import { me } from '../auth/actions/me.js';
import { selectContext } from '../auth/actions/select-context.js';
import { getAuthConfig } from '../auth/actions/config.js';
import { verifyTotp } from '../auth/actions/verify-totp.js';
import { enrollTotp } from '../auth/actions/enroll-totp.js';
import { confirmTotp } from '../auth/actions/confirm-totp.js';
import { changePassword } from '../auth/actions/change-password.js';
import { listSessions } from '../auth/actions/sessions.js';
import { logoutEverywhere } from '../auth/actions/logout-everywhere.js';
import { getAlertPreferences } from '../notifications/actions/get-preferences.js';
import { setAlertPreferences } from '../notifications/actions/set-preferences.js';
import { findJobs } from '../jobs/actions/find.js';
import { findJobRuns } from '../jobs/actions/find-runs.js';
import { getJobRun } from '../jobs/actions/get-run.js';
import { startJob } from '../jobs/actions/start.js';
import { findAlerts } from '../notifications/actions/find.js';
import { markAlertsRead } from '../notifications/actions/mark-read.js';
import { getSystemInfo } from '../modules/system/get.js';
import { openBreakGlass } from '../access/actions/break-glass-open.js';
import { findBreakGlass } from '../access/actions/break-glass-find.js';
import { findAudit } from '../audit/actions/find.js';
import { exportAudit } from '../audit/actions/export.js';
import { verifyAudit } from '../audit/actions/verify.js';
import { organisationHandlers } from '../modules/organisation/index.js';
import { personsHandlers } from '../modules/persons/index.js';
import { householdsHandlers } from '../modules/persons/households/index.js';
import { referenceHandlers } from '../modules/reference/index.js';
import { fieldsHandlers } from '../modules/fields/index.js';
import { intakeHandlers } from '../modules/intake/index.js';
import { serviceRequestsHandlers } from '../modules/service-requests/index.js';
import { consentsHandlers } from '../modules/consents/index.js';
import { desksHandlers } from '../modules/desks/index.js';

/**
 * One handler per contract: `satisfies` makes a contract without a handler a compile error, and
 * the handler must be built from that very contract.
 */
export const handlers = {
  'auth.login': login,
  'auth.me': me,
  'auth.selectContext': selectContext,
  'auth.logout': logout,
  'auth.config': getAuthConfig,
  'auth.verifyTotp': verifyTotp,
  'auth.enrollTotp': enrollTotp,
  'auth.confirmTotp': confirmTotp,
  'auth.changePassword': changePassword,
  'auth.sessions': listSessions,
  'auth.logoutEverywhere': logoutEverywhere,
  'alerts.getPreferences': getAlertPreferences,
  'alerts.setPreferences': setAlertPreferences,
  'system.get': getSystemInfo,
  'breakGlass.open': openBreakGlass,
  'breakGlass.find': findBreakGlass,
  'audit.find': findAudit,
  'audit.export': exportAudit,
  'audit.verify': verifyAudit,
  'jobs.find': findJobs,
  'jobs.findRuns': findJobRuns,
  'jobs.getRun': getJobRun,
  'jobs.start': startJob,
  'alerts.find': findAlerts,
  'alerts.markRead': markAlertsRead,
  ...organisationHandlers,
  ...personsHandlers,
  ...householdsHandlers,
  ...referenceHandlers,
  ...fieldsHandlers,
  ...intakeHandlers,
  ...serviceRequestsHandlers,
  ...consentsHandlers,
  ...desksHandlers,
} satisfies { [N in ActionName]: ActionHandler<(typeof contracts)[N]> };

export const handlerList: ActionHandler[] = Object.values(handlers);
