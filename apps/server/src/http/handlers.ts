import { contracts, type ActionName } from '@siso/shared';
import type { ActionHandler } from './action.js';
import { login } from '../auth/actions/login.js';
import { logout } from '../auth/actions/logout.js';
import { me } from '../auth/actions/me.js';
import { selectContext } from '../auth/actions/select-context.js';
import { findJobs } from '../jobs/actions/find.js';
import { findJobRuns } from '../jobs/actions/find-runs.js';
import { getJobRun } from '../jobs/actions/get-run.js';
import { startJob } from '../jobs/actions/start.js';
import { findAlerts } from '../notifications/actions/find.js';
import { markAlertsRead } from '../notifications/actions/mark-read.js';
import { getSystemInfo } from '../modules/system/get.js';

/**
 * One handler per contract: `satisfies` makes a contract without a handler a compile error, and
 * the handler must be built from that very contract.
 */
export const handlers = {
  'auth.login': login,
  'auth.me': me,
  'auth.selectContext': selectContext,
  'auth.logout': logout,
  'system.get': getSystemInfo,
  'jobs.find': findJobs,
  'jobs.findRuns': findJobRuns,
  'jobs.getRun': getJobRun,
  'jobs.start': startJob,
  'alerts.find': findAlerts,
  'alerts.markRead': markAlertsRead,
} satisfies { [N in ActionName]: ActionHandler<(typeof contracts)[N]> };

export const handlerList: ActionHandler[] = Object.values(handlers);
