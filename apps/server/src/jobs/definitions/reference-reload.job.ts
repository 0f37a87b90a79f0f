import { z } from 'zod';
import { loadReferenceData } from '../../reference-data/load-reference-data.js';
import { defineJob } from '../job-definition.js';

/** Reloads the vendored code lists (comuni, states, ANPR and SIUSS tables), reporting each dataset. */
export const referenceReloadJob = defineJob({
  name: 'reference.reload',
  version: 1,
  title: 'Ricarica dati di riferimento',
  description: 'Ricarica comuni, stati esteri e code list ANPR/SIUSS dai file inclusi nel progetto.',
  payload: z.object({ force: z.boolean().default(true) }),
  retryLimit: 1,
  retryDelaySeconds: 30,
  expireInSeconds: 1800,
  runAs: 'system',
  manual: true,
  async handler(ctx, { force }) {
    let done = 0;
    const results = await loadReferenceData(ctx.services.database.pool, {
      force,
      log: (msg) => {
        done += 1;
        void ctx.progress(done, null, msg);
      },
    });
    await ctx.progress(results.length, results.length, 'fatto');
    return { datasets: results.length, rows: results.reduce((n, r) => n + r.rows, 0) };
  },
});
