import type { PolicyTable } from '../../access/policy.js';

const desk = ['operatore_sportello', 'assistente_sociale', 'responsabile_settore'] as const;

/**
 * Desks (issue 5, points 1, 6, 8). Configuring a desk is administration (ambito and system
 * administrators). The desk home and counters are for those who work at a desk (third-sector
 * access points included); the list of desks serves both the configuration screen and the choice of
 * a destination when sending a scheda.
 */
export const desksPolicy = {
  'desks.find': { profiles: [...desk, 'amministratore_ambito', 'amministratore_sistema'] },
  'desks.configure': { profiles: ['amministratore_ambito', 'amministratore_sistema'] },
  'desks.home': { profiles: [...desk, 'operatore_terzo_settore'] },
  'desks.counters': { profiles: [...desk, 'operatore_terzo_settore'] },
} satisfies PolicyTable<'desks'>;
