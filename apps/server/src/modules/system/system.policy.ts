import type { PolicyTable } from '../../access/policy.js';

export const systemPolicy = {
  'system.get': { profiles: ['amministratore_sistema', 'amministratore_ambito'] },
} satisfies PolicyTable<'system'>;
