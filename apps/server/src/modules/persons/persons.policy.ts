import type { PolicyTable } from '../../access/policy.js';

const readers = ['operatore_sportello', 'assistente_sociale', 'responsabile_settore', 'operatore_terzo_settore'] as const;
const registrars = ['operatore_sportello', 'assistente_sociale', 'responsabile_settore'] as const;

/**
 * People registry (issue 4). Desk operators, social workers and sector heads search, register and
 * correct people; the third sector reads only people granted to it (its scope is `own` + grants and
 * it gets no identification previews). Merging two people moves every reference and cannot be
 * undone without an audit trail: reserved to the sector head (issue 4, point 7: "an authorised
 * operator"). Regional analysts and administrators never read people.
 */
export const personsPolicy = {
  'persons.find': { profiles: readers },
  'persons.get': { profiles: readers },
  'persons.history': { profiles: readers },
  'persons.create': { profiles: registrars },
  'persons.update': { profiles: registrars },
  'persons.replaceFiscalCode': { profiles: registrars },
  'persons.findDuplicates': { profiles: registrars },
  'persons.merge': { profiles: ['responsabile_settore'] },
  'persons.loadFromRegistry': { profiles: registrars },
} satisfies PolicyTable<'persons'>;
