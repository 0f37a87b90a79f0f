import { z } from 'zod';
import { timestamp } from '../wire/primitives.js';
import { defineAction } from './define.js';

export const dbKind = z.enum(['pglite', 'postgres']);

/** GET /api/health is outside the action registry (no session, no audit): monitors poll it. */
export const healthOutput = z.object({
  status: z.literal('ok'),
  db: dbKind,
  version: z.string(),
});

export const systemGet = defineAction({
  name: 'system.get',
  kind: 'query',
  access: 'context',
  summary: 'Informazioni di sistema: versione, database, migrazioni, code lists, job',
  input: z.object({}),
  output: z.object({
    version: z.string(),
    node: z.string(),
    startedAt: timestamp,
    db: z.object({ kind: dbKind, serverVersion: z.string() }),
    migrations: z.array(z.object({ id: z.number().int(), name: z.string(), appliedAt: timestamp })),
    referenceData: z.array(z.object({ name: z.string(), rows: z.number().int() })),
    jobs: z.object({
      queued: z.number().int(),
      running: z.number().int(),
      failedLast24h: z.number().int(),
      definitions: z.number().int(),
    }),
  }),
});
