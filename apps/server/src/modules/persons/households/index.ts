import { getHouseholds } from './actions/get-households.js';
import { updateHouseholds } from './actions/update-households.js';

export { householdsPolicy } from './households.policy.js';

/** Households and networks of a person (issue 4, point 6), by action name. */
export const householdsHandlers = {
  'households.get': getHouseholds,
  'households.update': updateHouseholds,
} as const;
