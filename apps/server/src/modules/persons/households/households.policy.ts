import type { PolicyTable } from '../../../access/policy.js';

/** Household and network of a person (issue 4, point 6): read like the person, written by registrars. */
export const householdsPolicy = {
  'households.get': { profiles: ['operatore_sportello', 'assistente_sociale', 'responsabile_settore', 'operatore_terzo_settore'] },
  'households.update': { profiles: ['operatore_sportello', 'assistente_sociale', 'responsabile_settore'] },
} satisfies PolicyTable<'households'>;
