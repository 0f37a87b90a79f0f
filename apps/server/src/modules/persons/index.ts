import './person-kinds.js';
import './person-references.js';
import { createPerson } from './actions/create-person.js';
import { findDuplicates } from './actions/find-duplicates.js';
import { findPersons } from './actions/find-persons.js';
import { getPerson } from './actions/get-person.js';
import { getPersonHistory } from './actions/person-history.js';
import { loadFromRegistry } from './actions/load-from-registry.js';
import { mergePersons } from './actions/merge-persons.js';
import { replaceFiscalCode } from './actions/replace-fiscal-code.js';
import { updatePerson } from './actions/update-person.js';

export { registerSearchSlot } from './search/search-slots.js';
export { registerPersonReference, registerFiscalCodeHolder } from './person-references.js';
export { PERSON, PROTECTED_PERSON } from './person-kinds.js';

/** People registry (issue 4): the persons.* actions, by name (http/handlers.ts checks them against the contracts). */
export const personsHandlers = {
  'persons.find': findPersons,
  'persons.get': getPerson,
  'persons.history': getPersonHistory,
  'persons.create': createPerson,
  'persons.update': updatePerson,
  'persons.replaceFiscalCode': replaceFiscalCode,
  'persons.findDuplicates': findDuplicates,
  'persons.merge': mergePersons,
  'persons.loadFromRegistry': loadFromRegistry,
} as const;
