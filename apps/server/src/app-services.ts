import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import type { SessionStore } from './auth/session-store.js';
import type { JobService } from './jobs/job-service.js';
import type { Mailer } from './notifications/mailer.js';
import type { PasswordHasher } from './auth/password.js';
import type { RegistryClient } from './modules/persons/registry/registry-client.js';

/** The process-wide services an action or a job may use. Built once in main.ts (or per test app). */
export interface AppServices {
  config: Config;
  version: string;
  startedAt: Date;
  database: Database;
  sessions: SessionStore;
  jobs: JobService;
  mailer: Mailer;
  passwords: PasswordHasher;
  /** The population registry (ANPR via PDND, a municipal registry, or none): issue 4, point 8. */
  registry: RegistryClient;
  /**
   * After a commit: seal the new audit rows (batched) and, when the request enqueued jobs, dispatch
   * the outbox without waiting for the next poll.
   */
  afterCommit(what?: { audit: boolean; outbox: boolean }): void;
}
