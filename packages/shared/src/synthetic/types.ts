import type { Sex } from '../fiscal-code/index.js';

/** A comune row as the generator needs it (from `ref_comune`). Dates are ISO "YYYY-MM-DD". */
export interface ComuneRef {
  /** Belfiore (cadastral) code, e.g. "H501". */
  belfiore: string;
  name: string;
  /** Province abbreviation (sigla), e.g. "RM". */
  provinceCode: string;
  /** First day the code/name was valid; omitted = always. */
  validFrom?: string | null;
  /** Last day valid (inclusive); null/omitted = still valid. */
  validTo?: string | null;
}

/** A foreign state (from `ref_stato_estero`). */
export interface StateRef {
  /** Belfiore Z-code used in the codice fiscale, e.g. "Z129". */
  code: string;
  name: string;
  /** ISO 3166-1 numeric (citizenship in SIUSS), null when the state has none (e.g. Kosovo). */
  isoNumeric: number | null;
}

export interface SyntheticContext {
  /** Birth places: may include ceased comuni with validity dates (history-correct births). */
  comuni: readonly ComuneRef[];
  /** Where people live; default: the `comuni` with no `validTo`. */
  residenceComuni?: readonly ComuneRef[];
  states: readonly StateRef[];
  /** "Today" for ages, so output does not depend on the clock. Default "2025-01-01". */
  referenceDate?: string;
  /** Share of people (or households) of foreign origin. Default 0.09 (ISTAT 2023: 8.7%). */
  foreignRate?: number;
  /** Share of omocodic fiscal codes. Default 0.01. */
  omocodiaRate?: number;
}

export type BirthPlace =
  | { kind: 'comune'; code: string; name: string; provinceCode: string }
  | { kind: 'state'; code: string; name: string };

export interface Address {
  comuneBelfiore: string;
  comuneName: string;
  provinceCode: string;
  /** e.g. "Via Giuseppe Garibaldi". */
  street: string;
  /** e.g. "12", "3/B". */
  houseNumber: string;
}

export interface SyntheticPerson {
  surname: string;
  name: string;
  sex: Sex;
  birthDate: string;
  birthPlace: BirthPlace;
  fiscalCode: string;
  /** True when `fiscalCode` is an omocodic variant (the base code is `decodeOmocodia(fiscalCode)`). */
  omocodic: boolean;
  /** ISO 3166-1 numeric codes, first = main citizenship (380 = Italy). */
  citizenships: number[];
  /** "IT" or the ISO alpha-2 of the foreign community the names come from. */
  origin: string;
  residence: Address;
}

/** ANPR tabella 5 "Relazione di parentela" codes used by the generator. */
export const KINSHIP = {
  head: '1', // Intestatario scheda
  spouse: '2', // Marito / Moglie
  child: '3', // Figlio / Figlia
  grandchild: '4', // Nipote (discendente)
  parent: '6', // Padre / Madre
  sibling: '9', // Fratello / Sorella
  otherRelative: '13', // Altro parente
  cohabitant: '23', // Convivente (con vincoli di adozione o affettivi)
  civilUnion: '28', // Unito civilmente
} as const;
export type KinshipCode = (typeof KINSHIP)[keyof typeof KINSHIP];

export interface HouseholdMember extends SyntheticPerson {
  /** Relation to the head of the household (ANPR tabella 5). */
  kinship: KinshipCode;
}

export interface SyntheticHousehold {
  residence: Address;
  /** Head first. */
  members: HouseholdMember[];
}

export const ITALY_ISO_NUMERIC = 380;
