import type { Owners } from '../cross-tenant/owner-ids.js';
import { countersOfAll, type CounterPlan, type Counters } from './counters.js';
import { ownersOf, type HazardScope } from './hazard-owners.js';
import type { Kit, SecretBag, TieredSecret } from './kit.js';
import { describeHit, sweep, type SweepOptions } from './read-actions.js';
import { viewerOf } from './viewers.js';

/**
 * A hazard: rows that some personas of the region must never read although they sit close to what
 * they do read, written through the API by the demo personas. Each viewer is allowed some tiers of
 * its secrets (the record shared with a grantee, the protected person's identity for whoever has them
 * in scope…) and must find none of the others through any read action; its counters must not move.
 */
export interface Hazard {
  name: string;
  owners: Owners;
  bag: SecretBag;
  /** Viewer → the tiers of secrets it may read. */
  viewers: Record<string, string[]>;
  counters: {
    /** The viewers whose counters were read (all of them, unless some receive part of the hazard by design). */
    viewers: string[];
    plan: CounterPlan;
    before: Map<string, Counters>;
    /** While the rows were visible to some viewers (before an exclusion or a deletion): proof that the counters count them. */
    during?: Map<string, Counters>;
    after: Map<string, Counters>;
  };
  /** Proof that the search can fail: who read which secrets through the same sweep, and what was missed. */
  sanity: SanityResult[];
  /** Checks made while the rows were written (e.g. a viewer did see the scheda before): failure lines. */
  preconditions: string[];
  sweepOptions: SweepOptions;
}

export interface SanityResult {
  who: string;
  when: string;
  expected: number;
  missed: TieredSecret[];
  requests: number;
}

/**
 * `who` sweeps every read action for the secrets of `tiers` at this moment: every one of them must
 * come back somewhere, or the search (or the fixture) is broken and the viewers' silence proves nothing.
 */
export async function sanitySweep(k: Kit, scope: HazardScope, bag: SecretBag, who: string, tiers: string[], when: string): Promise<SanityResult> {
  const expected = bag.items.filter((s) => tiers.includes(s.tier));
  const r = await sweep(await viewerOf(k.t, who), await ownersOf(k, scope), expected, k.today);
  const found = new Set(r.hits.flatMap((h) => h.found.map((s) => s.value)));
  const errors = r.hits.filter((h) => h.status >= 500).map((h) => describeHit(who, h));
  if (errors.length > 0) throw new Error(`server errors while ${who} read its own hazard: ${errors.join('\n')}`);
  return { who, when, expected: expected.length, missed: expected.filter((s) => !found.has(s.value)), requests: r.requests };
}

/** Counters of every viewer, now. */
export function countersNow(k: Kit, viewers: string[], plan: CounterPlan): Promise<Map<string, Counters>> {
  return countersOfAll(k.t, viewers, plan, k.today);
}

/** The secrets `viewer` must not find in the hazard. */
export function forbiddenTo(h: Hazard, viewer: string): TieredSecret[] {
  const allowed = h.viewers[viewer] ?? [];
  return h.bag.items.filter((s) => !allowed.includes(s.tier));
}
