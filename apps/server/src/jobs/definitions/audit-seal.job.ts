import { z } from 'zod';
import { sealAudit } from '../../audit/audit-sealer.js';
import { defineJob } from '../job-definition.js';

export const auditSealJob = defineJob({
  name: 'audit.seal',
  version: 1,
  title: 'Sigillo del registro di audit',
  description: 'Concatena con hash le righe di audit non ancora sigillate (catena per ambito).',
  payload: z.object({}),
  retryLimit: 3,
  retryDelaySeconds: 10,
  expireInSeconds: 600,
  runAs: 'system',
  manual: true,
  async handler(ctx) {
    return { sealed: await sealAudit(ctx.db, 1_000_000, { full: true }) };
  },
});
