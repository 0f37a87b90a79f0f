/**
 * Deterministic synthetic residents for the simulator, from the shared generator
 * (packages/shared/src/synthetic: households with valid fiscal codes and ANPR kinship codes),
 * turned into ANPR-like records: idANPR, ISTAT codes for places and citizenships, a plausible stato
 * civile (ANPR tabella 1), a few unvalidated fiscal codes and a few deceased residents.
 */
import { Rng, generateHousehold, type HouseholdMember, type SyntheticContext, type SyntheticHousehold } from '@siso/shared';
import { DEMO_POSTAL_CODES, DEMO_RESIDENCE_BELFIORE, loadReference, type SimReference } from './reference.js';
import { ResidentStore, type SimAddress, type SimPlace, type SimResident } from './residents.js';

export interface GenerateOptions {
  seed: number;
  residents: number;
  /** Belfiore codes of the comuni people live in; default the demo region's four comuni. */
  residenceComuni?: readonly string[];
  /** "Today" of the population (ages, dates of residence). */
  referenceDate: string;
}

function birthPlaceOf(ref: SimReference, m: HouseholdMember): SimPlace {
  if (m.birthPlace.kind === 'comune') {
    const c = ref.comuneAt(m.birthPlace.code, m.birthDate);
    return { comuneIstat: c?.istat ?? null, comuneName: (c?.name ?? m.birthPlace.name).toUpperCase(), province: m.birthPlace.provinceCode, stateCode: null, stateName: null };
  }
  const s = ref.stateByBelfiore(m.birthPlace.code);
  return { comuneIstat: null, comuneName: null, province: null, stateCode: s?.istat ?? null, stateName: (s?.name ?? m.birthPlace.name).toUpperCase() };
}

function addressOf(ref: SimReference, h: SyntheticHousehold, since: string): SimAddress {
  const a = h.residence;
  const c = ref.comuneAt(a.comuneBelfiore, since);
  const [specie = 'VIA', ...rest] = a.street.toUpperCase().split(' ');
  return {
    comuneIstat: c?.istat ?? null,
    comuneName: (c?.name ?? a.comuneName).toUpperCase(),
    province: a.provinceCode,
    stateCode: null,
    stateName: null,
    specie,
    denominazione: rest.join(' ') || specie,
    civic: a.houseNumber,
    postalCode: c ? (DEMO_POSTAL_CODES[c.istat] ?? null) : null,
    locality: null,
    since,
  };
}

/** Stato civile consistent with the member's place in the famiglia and age. */
function civilStatusOf(rng: Rng, m: HouseholdMember, partnered: boolean, age: number): string {
  if (m.kinship === '2') return '2';
  if (m.kinship === '28') return '6';
  if (partnered && m.kinship === '1') return '2';
  if (age < 25) return '1';
  if (m.kinship === '6') return rng.chance(0.8) ? '3' : '2';
  const r = rng.next();
  if (age > 70) return r < 0.55 ? '3' : r < 0.8 ? '1' : '4';
  return r < 0.7 ? '1' : r < 0.9 ? '4' : '3';
}

function ageAt(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function dayBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** Fills the store with about `residents` people in whole households. */
export function generateResidents(store: ResidentStore, opts: GenerateOptions): void {
  const ref = loadReference();
  const wanted = new Set(opts.residenceComuni ?? DEMO_RESIDENCE_BELFIORE);
  const ctx: SyntheticContext = {
    comuni: ref.generatorComuni,
    residenceComuni: ref.generatorComuni.filter((c) => wanted.has(c.belfiore) && !c.validTo),
    states: ref.generatorStates,
    referenceDate: opts.referenceDate,
  };
  const rng = new Rng(opts.seed);
  while (store.size < opts.residents) {
    const hrng = rng.fork();
    const h = generateHousehold(hrng, ctx);
    const householdId = store.newHouseholdId();
    const youngest = h.members.reduce((d, m) => (m.birthDate > d ? m.birthDate : d), h.members[0]?.birthDate ?? opts.referenceDate);
    // The famiglia settled at its address some time after its youngest member was born.
    const since = dayBefore(opts.referenceDate, hrng.int(30, Math.max(31, Math.min(9000, ageAt(youngest, opts.referenceDate) * 365))));
    const residence = addressOf(ref, h, since);
    const partnered = h.members.some((m) => m.kinship === '2' || m.kinship === '28' || m.kinship === '23');
    for (const m of h.members) {
      if (store.get(m.fiscalCode)) continue; // the rare duplicate code of a synthetic namesake
      const age = ageAt(m.birthDate, opts.referenceDate);
      const resident: SimResident = {
        idANPR: store.newIdAnpr(),
        fiscalCode: m.fiscalCode,
        fiscalCodeValidated: !hrng.chance(0.02),
        surname: m.surname.toUpperCase(),
        name: m.name.toUpperCase(),
        sex: m.sex,
        birthDate: m.birthDate,
        birthPlace: birthPlaceOf(ref, m),
        citizenships: m.citizenships.map((iso) => ref.stateByIso(iso)?.istat).filter((c): c is string => Boolean(c)),
        civilStatus: civilStatusOf(hrng, m, partnered, age),
        death: null,
        householdId,
        relationship: m.kinship,
        relationshipSince: since,
        residence,
      };
      // About 1% of the very old are recorded as deceased (ANPR still answers about them).
      if (age > 85 && hrng.chance(0.1)) {
        resident.death = { date: dayBefore(opts.referenceDate, hrng.int(10, 700)), place: { comuneIstat: residence.comuneIstat, comuneName: residence.comuneName, province: residence.province, stateCode: null, stateName: null } };
      }
      store.put(resident);
    }
  }
}

/**
 * The residents a simulator started with the same seed, count, comuni and reference date holds,
 * without starting it: for a demo seed or an e2e journey that needs a fiscal code ANPR "knows".
 */
export function simulatedResidents(opts: { seed?: number; residents?: number; residenceComuni?: readonly string[]; referenceDate?: string } = {}): SimResident[] {
  const referenceDate = opts.referenceDate ?? '2025-01-01';
  const store = new ResidentStore(() => referenceDate);
  generateResidents(store, { seed: opts.seed ?? 42, residents: opts.residents ?? 2000, residenceComuni: opts.residenceComuni, referenceDate });
  return store.list();
}
