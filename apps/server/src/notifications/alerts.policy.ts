import type { PolicyTable } from '../access/policy.js';
import { profileCodes } from '../access/profiles.js';

/** Every operator reads and acknowledges the alerts addressed to them, their office or their ente. */
export const alertsPolicy = {
  'alerts.find': { profiles: profileCodes },
  'alerts.markRead': { profiles: profileCodes },
  // Each operator chooses how they are told (in-app, e-mail) about their own alerts.
  'alerts.getPreferences': { profiles: profileCodes },
  'alerts.setPreferences': { profiles: profileCodes },
} satisfies PolicyTable<'alerts'>;
