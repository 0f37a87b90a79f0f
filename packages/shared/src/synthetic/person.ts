/**
 * One synthetic person: names by origin and sex, birth date from the Italian (or foreign
 * residents') age structure, a birth place valid on the birth date, citizenship(s), a residence
 * address and the codice fiscale computed per D.M. Finanze 23/12/1976 (about 1% omocodic).
 */
import {
  birthDateSexCode,
  checkCharacter,
  nameCode,
  omocodiaVariant,
  surnameCode,
  type Sex,
} from '../fiscal-code/index.js';
import { AGE, birthDateForAge } from './dates.js';
import { ITALIAN_FEMALE_NAMES, ITALIAN_MALE_NAMES, ITALIAN_SURNAMES } from './names-italian.js';
import type { Community } from './names-foreign.js';
import {
  comuneBirthPlace,
  pickBirthComune,
  prepare,
  randomAddress,
  stateBirthPlace,
  type PreparedContext,
} from './places.js';
import { Rng, weighted } from './rng.js';
import {
  ITALY_ISO_NUMERIC,
  type Address,
  type BirthPlace,
  type SyntheticContext,
  type SyntheticPerson,
} from './types.js';

export interface PersonOptions {
  /** null = Italian origin; a community = foreign origin; omitted = drawn with `foreignRate`. */
  origin?: Community | null;
  sex?: Sex;
  birthDate?: string;
  /** Age drawn from the population structure when `birthDate` is not given. */
  adult?: boolean;
  surname?: string;
  residence?: Address;
  /** For children of foreign origin: born in Italy rather than in the community's state. */
  bornInItaly?: boolean;
  citizenships?: number[];
}

// Surname/name codes repeat endlessly in bulk generation: memoise them (bounded by the lists).
const surnameCodes = new Map<string, string>();
const nameCodes = new Map<string, string>();

function cached(map: Map<string, string>, key: string, compute: (s: string) => string): string {
  let v = map.get(key);
  if (v === undefined) {
    v = compute(key);
    map.set(key, v);
  }
  return v;
}

/** Omocodia levels: almost always the first substitution (the rightmost digit). */
const omocodiaLevels = weighted([
  [1, 85],
  [2, 12],
  [3, 3],
] as const);

export function fiscalCodeFor(
  rng: Rng,
  p: PreparedContext,
  surname: string,
  name: string,
  sex: Sex,
  birthDate: string,
  placeCode: string,
): { fiscalCode: string; omocodic: boolean } {
  const first15 =
    cached(surnameCodes, surname, surnameCode) +
    cached(nameCodes, name, nameCode) +
    birthDateSexCode(birthDate, sex) +
    placeCode;
  const base = first15 + checkCharacter(first15);
  if (!rng.chance(p.omocodiaRate)) return { fiscalCode: base, omocodic: false };
  return { fiscalCode: omocodiaVariant(base, omocodiaLevels.pick(rng)), omocodic: true };
}

export function pickOrigin(rng: Rng, p: PreparedContext): Community | null {
  return p.communities && rng.chance(p.foreignRate) ? p.communities.pick(rng) : null;
}

export function pickSurname(rng: Rng, origin: Community | null, sex: Sex): string {
  if (!origin) return rng.pick(ITALIAN_SURNAMES);
  const list = sex === 'F' && origin.femaleSurnames ? origin.femaleSurnames : origin.surnames;
  if (origin.surnameStyle === 'hispanic') return `${rng.pick(list)} ${rng.pick(list)}`;
  return rng.pick(list);
}

export function pickGivenName(rng: Rng, origin: Community | null, sex: Sex): string {
  if (!origin) return rng.pick(sex === 'F' ? ITALIAN_FEMALE_NAMES : ITALIAN_MALE_NAMES);
  return rng.pick(sex === 'F' ? origin.femaleNames : origin.maleNames);
}

function defaultCitizenships(rng: Rng, origin: Community | null): number[] {
  if (!origin) return [ITALY_ISO_NUMERIC];
  const r = rng.next();
  // Naturalised residents: some hold both citizenships, a few only the Italian one.
  if (r < 0.12) return [ITALY_ISO_NUMERIC, origin.isoNumeric];
  if (r < 0.17) return [ITALY_ISO_NUMERIC];
  return [origin.isoNumeric];
}

function birthPlaceFor(
  rng: Rng,
  p: PreparedContext,
  origin: Community | null,
  birthDate: string,
  residence: Address,
  bornInItaly: boolean | undefined,
): BirthPlace {
  if (origin && !bornInItaly) {
    const s = p.states.get(origin.stateCode);
    if (s) return stateBirthPlace(s);
  }
  // About 3% of Italian citizens resident in Italy were born abroad (emigration and return).
  if (!origin && bornInItaly !== true && p.emigration && rng.chance(0.03)) {
    return stateBirthPlace(p.emigration.pick(rng));
  }
  return comuneBirthPlace(pickBirthComune(rng, p, birthDate, residence));
}

/** Generates one person. Deterministic for a given generator state, context and options. */
export function generatePerson(rng: Rng, ctx: SyntheticContext, opts: PersonOptions = {}): SyntheticPerson {
  const p = prepare(ctx);
  const origin = opts.origin !== undefined ? opts.origin : pickOrigin(rng, p);
  // ISTAT: women are 51.3% of residents.
  const sex: Sex = opts.sex ?? (rng.chance(0.513) ? 'F' : 'M');
  const birthDate =
    opts.birthDate ??
    birthDateForAge(
      rng,
      (origin
        ? opts.adult ? AGE.foreignAdult : AGE.foreign
        : opts.adult ? AGE.italianAdult : AGE.italian
      ).pick(rng),
      p.referenceDay,
    );
  const surname = opts.surname ?? pickSurname(rng, origin, sex);
  const name = pickGivenName(rng, origin, sex);
  const residence = opts.residence ?? randomAddress(rng, p);
  const birthPlace = birthPlaceFor(rng, p, origin, birthDate, residence, opts.bornInItaly);
  const { fiscalCode, omocodic } = fiscalCodeFor(rng, p, surname, name, sex, birthDate, birthPlace.code);
  return {
    surname,
    name,
    sex,
    birthDate,
    birthPlace,
    fiscalCode,
    omocodic,
    citizenships: opts.citizenships ?? defaultCitizenships(rng, origin),
    origin: origin ? origin.key : 'IT',
    residence,
  };
}
