/**
 * The cron schedule of the installation, in one file (architecture: "cron schedule in one file").
 * Times are Europe/Rome. Later modules add their entries here (registry sync at night, deadline
 * alerts in the morning, SIUSS flows monthly).
 */
export const SCHEDULE_TZ = 'Europe/Rome';

export const schedule: Record<string, string> = {
  // Seal audit rows that the after-commit sealer did not reach (e.g. after a crash).
  'audit.seal': '*/5 * * * *',
  // Audit retention (at least 24 months), behind a signed checkpoint: monthly, on the 1st at 03:15.
  'audit.prune': '15 3 1 * *',
  // Retry e-mails whose first attempt failed or was never dispatched.
  'email.dispatch': '*/5 * * * *',
  // Expired sessions, idempotency keys older than 24 h, delivered outbox rows, expired alerts.
  'maintenance.cleanup': '30 2 * * *',
  // Registry (ANPR) changes for the people followed: nightly at 01:30, before the working day.
  'registry.sync': '30 1 * * *',
};
