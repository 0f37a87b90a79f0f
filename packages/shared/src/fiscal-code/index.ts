/** Codice fiscale of natural persons (D.P.R. 605/1973; D.M. Finanze 23/12/1976). */
export {
  MONTH_LETTERS,
  OMOCODIA_LETTERS,
  OMOCODIA_POSITIONS,
  CHECK_ODD_VALUES,
  CHECK_EVEN_VALUES,
  CHECK_REMAINDER_LETTERS,
  FEMALE_DAY_OFFSET,
  type MonthLetter,
  type OmocodiaLetter,
} from './tables.js';
export { lettersOf, surnameCode, nameCode } from './name-codes.js';
export { checkCharacter } from './check-character.js';
export {
  computeFiscalCode,
  birthDateSexCode,
  parseIsoDate,
  daysInMonth,
  type FiscalCodeInput,
  type Sex,
} from './compute.js';
export {
  isOmocodic,
  decodeOmocodia,
  omocodiaVariant,
  omocodiaVariants,
  allOmocodiaVariants,
} from './omocodia.js';
export {
  FISCAL_CODE_PATTERN,
  normalizeFiscalCode,
  parseFiscalCode,
  isValidFiscalCode,
  type ParsedFiscalCode,
} from './validate.js';
export {
  resolveBirthCentury,
  MAX_PLAUSIBLE_AGE_YEARS,
  type BirthCenturyResolution,
  type BirthCenturyOptions,
} from './birth-century.js';
export {
  fiscalCodeMismatches,
  type FiscalCodeField,
  type FiscalCodeMismatch,
  type FiscalCodePersonalData,
} from './mismatches.js';
export {
  describeFiscalCode,
  birthPlaceKindOf,
  type FiscalCodeDescription,
  type FiscalCodeProblem,
  type BirthPlaceKind,
} from './describe.js';
export { type RandomSource } from './random.js';
export {
  generateTemporaryFiscalCode,
  isTemporaryFiscalCode,
  TEMPORARY_FISCAL_CODE_PREFIX,
  TEMPORARY_CODE_ALPHABET,
} from './temporary-code.js';
export {
  generateAnonymousCode,
  isAnonymousCode,
  ANONYMOUS_CODE_PREFIX,
  CROCKFORD_BASE32,
} from './anonymous-code.js';
export {
  isValidStpEniCode,
  parseStpEniCode,
  type ParsedStpEniCode,
  type StpEniKind,
} from './stp-eni.js';
