import type { PolicyTable } from '../access/policy.js';

const administrators = ['amministratore_sistema', 'amministratore_ambito'] as const;

export const jobsPolicy = {
  'jobs.find': { profiles: administrators },
  'jobs.findRuns': { profiles: administrators },
  'jobs.getRun': { profiles: administrators },
  'jobs.start': { profiles: administrators },
} satisfies PolicyTable<'jobs'>;
