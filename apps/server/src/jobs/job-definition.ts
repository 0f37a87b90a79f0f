import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/types.js';
import type { AppServices } from '../app-services.js';

export interface JobContext {
  runId: string;
  attempt: number;
  /** Jobs run as the system (architecture: `asSystem` is allowed in jobs), never as a request's actor. */
  db: Kysely<DB>;
  services: AppServices;
  log: FastifyBaseLogger;
  /** Reports progress; the admin page shows it while the run is going. Throttled writes. */
  progress(done: number, total: number | null, message?: string): Promise<void>;
}

/**
 * A declarative job (product brief, module 9): name, version, payload schema, retries and who it
 * runs as. Bump `version` when the payload or the meaning changes, so history tells them apart.
 */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  name: string;
  version: number;
  title: string;
  description: string;
  payload: P;
  retryLimit: number;
  retryDelaySeconds: number;
  /** Seconds before a stuck run is considered lost and retried. */
  expireInSeconds: number;
  runAs: 'system';
  /** Can an administrator start it from the Job page. */
  manual: boolean;
  handler(ctx: JobContext, payload: z.output<P>): Promise<Record<string, unknown> | void>;
}

export function defineJob<P extends z.ZodType>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}
