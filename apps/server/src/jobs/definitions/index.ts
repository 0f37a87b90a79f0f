import type { JobDefinition } from '../job-definition.js';
import { emailDispatchJob } from '../../notifications/jobs/email-dispatch.job.js';
import { emailSendJob } from '../../notifications/jobs/email-send.job.js';
import { auditSealJob } from './audit-seal.job.js';
import { auditPruneJob } from '../../audit/audit-prune.job.js';
import { maintenanceCleanupJob } from './maintenance-cleanup.job.js';
import { referenceReloadJob } from './reference-reload.job.js';
import { systemBackupJob } from '../../backup/system-backup.job.js';
import { registrySyncJob } from '../../modules/persons/jobs/registry-sync.job.js';

/** Every job of the installation; modules add theirs here. */
export const jobDefinitions: JobDefinition[] = [
  auditSealJob,
  auditPruneJob,
  emailSendJob,
  emailDispatchJob,
  maintenanceCleanupJob,
  referenceReloadJob,
  systemBackupJob,
  registrySyncJob,
];
