/**
 * Birth places and addresses. The context is indexed once (cached per context object) so that
 * generating a million people does not rebuild lookups.
 */
import { isoToDay } from './dates.js';
import { EMIGRATION_STATES, FOREIGN_COMMUNITIES, type Community } from './names-foreign.js';
import { Rng, WeightedPicker, weighted } from './rng.js';
import { STREET_NAMES, STREET_TYPES } from './streets.js';
import type { Address, BirthPlace, ComuneRef, StateRef, SyntheticContext } from './types.js';

export interface PreparedContext {
  comuni: readonly ComuneRef[];
  residence: readonly ComuneRef[];
  byProvince: ReadonlyMap<string, readonly ComuneRef[]>;
  byBelfiore: ReadonlyMap<string, readonly ComuneRef[]>;
  states: ReadonlyMap<string, StateRef>;
  communities: WeightedPicker<Community> | null;
  emigration: WeightedPicker<StateRef> | null;
  referenceDate: string;
  referenceDay: number;
  foreignRate: number;
  omocodiaRate: number;
}

const prepared = new WeakMap<SyntheticContext, PreparedContext>();
const streetTypes = weighted(STREET_TYPES);

export function prepare(ctx: SyntheticContext): PreparedContext {
  const cached = prepared.get(ctx);
  if (cached) return cached;
  if (ctx.comuni.length === 0) throw new RangeError('SyntheticContext.comuni is empty');
  const residence = ctx.residenceComuni ?? ctx.comuni.filter((c) => !c.validTo);
  if (residence.length === 0) throw new RangeError('no comune to reside in (all have validTo)');
  const byProvince = groupBy(ctx.comuni, (c) => c.provinceCode);
  const byBelfiore = groupBy(ctx.comuni, (c) => c.belfiore);
  const states = new Map(ctx.states.map((s) => [s.code, s]));
  // Only communities whose state is in the context (and has an ISO code for citizenship).
  const usable = FOREIGN_COMMUNITIES.filter((c) => states.get(c.stateCode)?.isoNumeric != null);
  const emigration = EMIGRATION_STATES.flatMap(([code, w]) => {
    const s = states.get(code);
    return s ? [[s, w] as const] : [];
  });
  const referenceDate = ctx.referenceDate ?? '2025-01-01';
  const p: PreparedContext = {
    comuni: ctx.comuni,
    residence,
    byProvince,
    byBelfiore,
    states,
    communities: usable.length ? new WeightedPicker(usable, usable.map((c) => c.weight)) : null,
    emigration: emigration.length ? weighted(emigration) : null,
    referenceDate,
    referenceDay: isoToDay(referenceDate),
    foreignRate: ctx.foreignRate ?? 0.09,
    omocodiaRate: ctx.omocodiaRate ?? 0.01,
  };
  prepared.set(ctx, p);
  return p;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function validAt(c: ComuneRef, iso: string): boolean {
  return (!c.validFrom || c.validFrom <= iso) && (!c.validTo || c.validTo >= iso);
}

/** Rejection sampling: a random element valid at `iso`, or undefined after a few tries. */
function pickValid(rng: Rng, list: readonly ComuneRef[], iso: string, tries: number): ComuneRef | undefined {
  for (let i = 0; i < tries; i++) {
    const c = rng.pick(list);
    if (validAt(c, iso)) return c;
  }
  return undefined;
}

/**
 * An Italian birth comune valid at the birth date: often the comune of residence, else its
 * province, else anywhere. Falls back to a full scan so a valid code is always returned when
 * one exists; throws when no comune of the context existed on that date.
 */
export function pickBirthComune(rng: Rng, p: PreparedContext, birthDate: string, near?: Address): ComuneRef {
  const r = rng.next();
  if (near && r < 0.45) {
    const same = p.byBelfiore.get(near.comuneBelfiore);
    const hit = same && pickValid(rng, same, birthDate, 3);
    if (hit) return hit;
  }
  if (near && r < 0.7) {
    const province = p.byProvince.get(near.provinceCode);
    const hit = province && pickValid(rng, province, birthDate, 10);
    if (hit) return hit;
  }
  const any = pickValid(rng, p.comuni, birthDate, 50);
  if (any) return any;
  const all = p.comuni.filter((c) => validAt(c, birthDate));
  if (all.length === 0) throw new RangeError(`no comune in the context was valid on ${birthDate}`);
  return rng.pick(all);
}

export function comuneBirthPlace(c: ComuneRef): BirthPlace {
  return { kind: 'comune', code: c.belfiore, name: c.name, provinceCode: c.provinceCode };
}

export function stateBirthPlace(s: StateRef): BirthPlace {
  return { kind: 'state', code: s.code, name: s.name };
}

/** A street address in one of the residence comuni. */
export function randomAddress(rng: Rng, p: PreparedContext): Address {
  const c = rng.pick(p.residence);
  const type = streetTypes.pick(rng);
  // House numbers: mostly low, a few with a letter suffix ("12/B").
  const n = 1 + Math.floor(Math.pow(rng.next(), 2.2) * 220);
  const suffix = rng.chance(0.06) ? `/${rng.pick(['A', 'B', 'C'])}` : '';
  return {
    comuneBelfiore: c.belfiore,
    comuneName: c.name,
    provinceCode: c.provinceCode,
    street: `${type} ${rng.pick(STREET_NAMES)}`,
    houseNumber: `${n}${suffix}`,
  };
}
