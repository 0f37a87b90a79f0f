import type { TestApp } from '../../testing/test-app.js';
import { viewerOf } from './viewers.js';

/**
 * The numbers a viewer sees: the desk home (its counters and how many schede, received sends and
 * proposals it lists), the counters of every desk given, how many schede, sends and proposals the
 * lists hold, and — for the people it already saw — the search slots (schede counted per person,
 * privacy status) and the privacy status of the person's page. Taken before a hazard's rows are
 * written and after: a hidden row that moves a number is a leak as much as one that shows its text.
 */
export interface CounterPlan {
  /** Desks whose counters are read (desks.counters with officeId): the hazard's and the viewers' own. */
  officeIds: string[];
  /** People the viewer already sees: searched by surname (slots) and read for their privacy status. */
  people: Array<{ id: string; surname: string }>;
}

export type Counters = Record<string, unknown>;

/** Every number of an answer (arrays by length), dates, names and versions dropped. */
function numbers(value: unknown): unknown {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'number') return value;
  if (!value || typeof value !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'version' || k === 'requestId') continue;
    const n = numbers(v);
    if (n !== undefined && !(typeof n === 'object' && Object.keys(n as object).length === 0)) out[k] = n;
  }
  return out;
}

type Items = { items?: Array<{ id: string; inScope?: boolean; slots?: unknown }> };

export async function countersOf(t: TestApp, username: string, plan: CounterPlan, today: string): Promise<Counters> {
  const { client } = await viewerOf(t, username);
  const out: Counters = {};
  const read = async (key: string, action: string, input: unknown, project: (body: unknown) => unknown = numbers) => {
    const r = await client.callRaw(action, input);
    out[key] = r.status === 200 ? project(r.body) : `HTTP ${r.status}`;
  };
  const period = { from: '2020-01-01', to: today };
  await read('desks.home', 'desks.home', {});
  await read('desks.counters', 'desks.counters', period);
  for (const officeId of plan.officeIds) await read(`desks.counters ${officeId}`, 'desks.counters', { officeId, ...period });
  await read('intakeRecords.find', 'intakeRecords.find', { allOffices: true, limit: 200 });
  for (const direction of ['received', 'sent']) await read(`intakeTransfers.find ${direction}`, 'intakeTransfers.find', { direction, limit: 200 });
  await read('proposals.find', 'proposals.find', { limit: 200 });
  for (const p of plan.people) {
    await read(`persons.find ${p.surname}`, 'persons.find', { q: p.surname, limit: 50 }, (b) =>
      ((b as Items).items ?? []).map((i) => ({ id: i.id, inScope: i.inScope, slots: i.slots })));
    await read(`consents.get ${p.id}`, 'consents.get', { personId: p.id }, (b) => (b as { status?: unknown }).status);
  }
  return out;
}

export async function countersOfAll(t: TestApp, usernames: string[], plan: CounterPlan, today: string): Promise<Map<string, Counters>> {
  const out = new Map<string, Counters>();
  for (const u of usernames) out.set(u, await countersOf(t, u, plan, today));
  return out;
}

/** What moved between two readings, one line per number ("desks.counters <office>: {…} → {…}"). */
export function counterDiff(before: Counters | undefined, after: Counters | undefined): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) => `${k}: ${JSON.stringify(before?.[k])} → ${JSON.stringify(after?.[k])}`);
}
