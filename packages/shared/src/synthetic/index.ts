/** Deterministic synthetic people and households for demos, tests and benchmarks. */
export { Rng, WeightedPicker, weighted } from './rng.js';
export { generatePerson, type PersonOptions } from './person.js';
export { generateHousehold } from './household.js';
export { ageAt, dayToIso, isoToDay } from './dates.js';
export { ITALIAN_SURNAMES, ITALIAN_MALE_NAMES, ITALIAN_FEMALE_NAMES } from './names-italian.js';
export { FOREIGN_COMMUNITIES, EMIGRATION_STATES, type Community } from './names-foreign.js';
export { STREET_NAMES, STREET_TYPES } from './streets.js';
export {
  KINSHIP,
  ITALY_ISO_NUMERIC,
  type KinshipCode,
  type ComuneRef,
  type StateRef,
  type SyntheticContext,
  type BirthPlace,
  type Address,
  type SyntheticPerson,
  type HouseholdMember,
  type SyntheticHousehold,
} from './types.js';
