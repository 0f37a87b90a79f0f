import { z } from 'zod';
import { pageInput, pageOf, timestamp, uuid } from '../wire/primitives.js';
import { defineAction } from './define.js';

export const jobRunStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'retrying', 'cancelled']);

export const jobProgress = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  message: z.string().nullable(),
});

export const jobRun = z.object({
  id: uuid,
  jobName: z.string(),
  jobVersion: z.number().int(),
  status: jobRunStatus,
  attempt: z.number().int(),
  trigger: z.enum(['schedule', 'manual', 'event']),
  queuedAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  durationMs: z.number().int().nullable(),
  progress: jobProgress,
  error: z.string().nullable(),
});
export type JobRun = z.infer<typeof jobRun>;

export const jobDefinitionView = z.object({
  name: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  schedule: z.string().nullable(),
  retryLimit: z.number().int(),
  manual: z.boolean(),
  lastRun: jobRun.nullable(),
});

export const jobsFind = defineAction({
  name: 'jobs.find',
  kind: 'query',
  access: 'context',
  summary: 'Elenco dei job definiti, con pianificazione e ultima esecuzione',
  input: z.object({}),
  output: z.object({ items: z.array(jobDefinitionView) }),
});

export const jobsFindRuns = defineAction({
  name: 'jobs.findRuns',
  kind: 'query',
  access: 'context',
  summary: 'Storico delle esecuzioni dei job (paginato)',
  input: pageInput.extend({
    jobName: z.string().max(100).optional(),
    status: jobRunStatus.optional(),
  }),
  output: pageOf(jobRun),
});

export const jobsGetRun = defineAction({
  name: 'jobs.getRun',
  kind: 'query',
  access: 'context',
  summary: "Un'esecuzione di job, con avanzamento",
  input: z.object({ id: uuid }),
  output: jobRun,
});

export const jobsStart = defineAction({
  name: 'jobs.start',
  kind: 'mutation',
  access: 'context',
  summary: 'Avvia subito un job avviabile a mano',
  input: z.object({ name: z.string().min(1).max(100), payload: z.record(z.string(), z.unknown()).default({}) }),
  output: jobRun,
});
