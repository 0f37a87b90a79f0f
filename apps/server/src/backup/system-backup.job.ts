import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.js';
import { writeEmbeddedBackup } from './write-backup.js';

/**
 * Backup of the embedded database, run inside the server that owns it (the only process allowed to
 * open the data directory). `npm run backup` queues this job when the server is running.
 * On PostgreSQL use the server's own tools (pg_dump / base backups): see docs/backup-restore.md.
 */
export const systemBackupJob = defineJob({
  name: 'system.backup',
  version: 1,
  title: 'Backup del database integrato',
  description: 'Copia compressa del database integrato (PGlite) in SISO_DATA_DIR/backups.',
  payload: z.object({}),
  retryLimit: 0,
  retryDelaySeconds: 60,
  expireInSeconds: 3600,
  runAs: 'system',
  manual: true,
  async handler(ctx) {
    if (ctx.services.database.kind !== 'pglite') throw new Error('su PostgreSQL il backup si fa con pg_dump (docs/backup-restore.md)');
    await ctx.progress(0, 1, 'copia in corso');
    const result = await writeEmbeddedBackup(ctx.services.database, ctx.services.config.dataDir);
    await ctx.progress(1, 1, 'fatto');
    return result;
  },
});
