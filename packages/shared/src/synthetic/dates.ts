/**
 * Date helpers and age distributions. Dates are ISO strings computed through UTC day numbers,
 * so results never depend on the machine's time zone.
 */
import type { Rng } from './rng.js';
import { weighted, type WeightedPicker } from './rng.js';

const DAY_MS = 86_400_000;

export function isoToDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole years between a birth date and a reference date. */
export function ageAt(birthDate: string, referenceDate: string): number {
  const years = Number(referenceDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return referenceDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A birth date giving exactly `age` at `referenceDay` (uniform day within that year of age). */
export function birthDateForAge(rng: Rng, age: number, referenceDay: number): string {
  const latest = referenceDay - Math.round(age * 365.2425);
  return dayToIso(latest - rng.int(0, 364));
}

/**
 * Resident population of Italy by 5-year age band (thousands, ISTAT 1 January 2023, rounded):
 * index i is ages 5i … 5i+4, last band 100–104.
 */
const ITALY_AGE_BANDS = [
  1990, 2370, 2730, 2890, 2950, 3090, 3250, 3500, 4030, 4590, 4800, 4700, 4130, 3620, 3380, 2740, 2190,
  1300, 600, 150, 20,
];

/** Foreign residents are younger: relative weights by the same bands (ISTAT 2023, rounded). */
const FOREIGN_AGE_BANDS = [
  290, 300, 280, 250, 330, 480, 560, 560, 520, 440, 370, 290, 200, 110, 60, 35, 20, 10, 4, 1, 0,
];

function bandPicker(bands: readonly number[], minAge: number, oldFactor = 1): WeightedPicker<number> {
  const pairs: Array<readonly [number, number]> = [];
  bands.forEach((w, i) => {
    for (let age = i * 5; age < i * 5 + 5; age++) {
      if (age >= minAge) pairs.push([age, (w / 5) * (age >= 65 ? oldFactor : 1)]);
    }
  });
  return weighted(pairs);
}

export const AGE = {
  italian: bandPicker(ITALY_AGE_BANDS, 0),
  foreign: bandPicker(FOREIGN_AGE_BANDS, 0),
  italianAdult: bandPicker(ITALY_AGE_BANDS, 20),
  foreignAdult: bandPicker(FOREIGN_AGE_BANDS, 20),
  /** One-person households are mostly elderly (widows): weight 65+ twice. */
  italianSingle: bandPicker(ITALY_AGE_BANDS, 20, 2.2),
};
