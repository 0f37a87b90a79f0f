import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.js';
import { checkpointKey } from './checkpoint-key.js';
import { MIN_RETENTION_MONTHS, pruneAudit } from './audit-prune.js';

/**
 * Retention of the audit log (architecture, "Audit": kept at least 24 months; GDPR art. 5(1)(e)):
 * prunes older rows behind a signed checkpoint per chain. The floor cannot be lowered from here.
 */
export const auditPruneJob = defineJob({
  name: 'audit.prune',
  version: 1,
  title: 'Conservazione del registro di audit',
  description: 'Elimina le righe di audit più vecchie del periodo di conservazione (minimo 24 mesi) dietro un checkpoint firmato.',
  payload: z.object({ months: z.number().int().min(MIN_RETENTION_MONTHS).max(240).default(MIN_RETENTION_MONTHS) }),
  retryLimit: 1,
  retryDelaySeconds: 300,
  expireInSeconds: 3600,
  runAs: 'system',
  manual: true,
  async handler(ctx, { months }) {
    const before = new Date();
    before.setMonth(before.getMonth() - months);
    const results = await pruneAudit(ctx.db, { before, key: checkpointKey(ctx.services.config) });
    return { before: before.toISOString(), chains: results.length, rowsPruned: results.reduce((n, r) => n + r.rowsPruned, 0) };
  },
});
