import { contracts } from '@siso/shared';
import type { TestResponse } from '../../testing/test-app.js';
import type { Operation } from '../cross-tenant/attack.js';
import { answerText, secretsIn } from '../cross-tenant/leaks.js';
import type { Owners, Secret } from '../cross-tenant/owner-ids.js';
import { templates } from '../cross-tenant/templates.js';
import type { Viewer } from './viewers.js';

/**
 * The read actions and one viewer's sweep over them. A read action is every query of the contracts
 * (`kind: 'query'`), and whatever prints, exports or hands out a file whatever its kind; each is
 * called with every body its cross-tenant template builds from the hazard's ids (POST), and once by
 * GET. Every answer, whatever its status, is searched for the hazard's secrets as the cross-tenant
 * suite searches (JSON and headers, base64 decoded: bytes, PDF text, XLSX cells).
 */
const contractKinds = contracts as Record<string, { kind: 'query' | 'mutation' }>;
const documentLike = (name: string) => /\.(print|export)\w*$/.test(name) || name.startsWith('attachments.');

export function readActions(): string[] {
  return Object.keys(contractKinds).filter((name) => contractKinds[name]!.kind === 'query' || documentLike(name)).sort();
}

/** Read actions the cross-tenant templates cannot yet build a body for, or the OpenAPI document does not serve. */
export function uncovered(ops: Operation[]): { noTemplate: string[]; notServed: string[] } {
  const served = new Set(ops.map((o) => `${o.method} ${o.action ?? ''}`));
  const actions = readActions();
  return {
    noTemplate: actions.filter((a) => !templates[a]),
    notServed: actions.filter((a) => !served.has(`POST ${a}`) || (contractKinds[a]!.kind === 'query' && !served.has(`GET ${a}`))),
  };
}

/** One answer that carried secrets: where, with what, what came back. */
export interface Hit {
  action: string;
  method: 'GET' | 'POST';
  input: string;
  status: number;
  found: Secret[];
}

export interface SweepResult {
  hits: Hit[];
  requests: number;
  /** `action status` of every request, for coverage checks. */
  statuses: string[];
}

export function describeHit(viewer: string, h: Hit): string {
  const input = h.input.length > 120 ? `${h.input.slice(0, 120)}…` : h.input;
  const what = h.found.length > 0 ? h.found.map((s) => `${s.what} ${s.value.slice(0, 14)}`).join(', ') : 'server error';
  return `${viewer} → ${h.method} ${h.action} ${input} HTTP ${h.status}: ${what}`;
}

type Contract = { input: { safeParse(v: unknown): { success: boolean } } };

/** Template bodies of every read action for these viewers that their contract refuses (a template drifting from it). */
export function invalidBodies(o: Owners, viewers: Viewer[], today: string): string[] {
  const invalid: string[] = [];
  for (const v of viewers) {
    for (const action of readActions()) {
      const input = (contracts as Record<string, Contract>)[action]!.input;
      for (const b of templates[action]!({ o, a: v.attacker, today })) {
        if (!input.safeParse(b).success) invalid.push(`${action} (${v.username}): ${JSON.stringify(b).slice(0, 200)}`);
      }
    }
  }
  return invalid;
}

export interface SweepOptions {
  /** What may appear to the DPO reading the audit of its ambito besides ids (docs/intake.md: a deletion's reason). */
  auditExtra?: string[];
}

/** Bodies of `action` for the viewer: every template body; one only when the profile lacks the action (403 before the body is read). */
function bodiesOf(v: Viewer, o: Owners, action: string, today: string): unknown[] {
  const all = templates[action]!({ o, a: v.attacker, today });
  return v.permissions.has(action) || action.startsWith('auth.') ? all : all.slice(0, 1);
}

/** The viewer calls every read action with the hazard's ids; answers are searched for `secrets`. */
export async function sweep(v: Viewer, o: Owners, secrets: Secret[], today: string, opts: SweepOptions = {}): Promise<SweepResult> {
  const result: SweepResult = { hits: [], requests: 0, statuses: [] };
  const calls = readActions().flatMap((action) => {
    const bodies = bodiesOf(v, o, action, today);
    const posts = bodies.map((input) => ({ action, input, method: 'POST' as const }));
    // GET reaches the same handler through the query string: its first body, when the profile holds the action.
    const get = contractKinds[action]!.kind === 'query' && bodies.length > 0 && v.permissions.has(action);
    return get ? [...posts, { action, input: bodies[0], method: 'GET' as const }] : posts;
  });
  await inParallel(calls, 4, async ({ action, input, method }) => {
    const sent = (JSON.stringify(input) ?? '').toLowerCase();
    // Known to the viewer from now on (before the answer: a concurrent read of the audit may show it).
    secrets.filter((s) => sent.includes(s.value.toLowerCase())).forEach((s) => v.sent.add(s.value));
    const r = await v.client.callRaw(action, input, { method });
    result.requests += 1;
    result.statuses.push(`${action} ${r.status}`);
    const found = await search(v, action, input, r, secrets, opts);
    if (found.length > 0 || r.status >= 500) result.hits.push({ action, method, input: JSON.stringify(input) ?? '', status: r.status, found });
  });
  return result;
}

async function search(v: Viewer, action: string, input: unknown, r: TestResponse, secrets: Secret[], opts: SweepOptions): Promise<Secret[]> {
  const allowed = new Set<string>();
  if (action.startsWith('audit.')) {
    // The audit records what was asked: a reader sees its own earlier requests again; the DPO of the
    // ambito reads the ids of the records its operators touched (docs/access-control.md), never their contents.
    v.sent.forEach((x) => allowed.add(x));
    if (v.auditReader) {
      secrets.filter((s) => s.what.endsWith(' id')).forEach((s) => allowed.add(s.value));
      (opts.auditExtra ?? []).forEach((x) => allowed.add(x));
    }
  }
  // The same DPO oversees every share and emergency access of the ambito (grants.find, breakGlass.find with an
  // ambito scope; docs/access-control.md, "Sharing"): the records' ids, never the records.
  if (v.auditReader && (action === 'grants.find' || action === 'breakGlass.find')) secrets.filter((s) => s.what.endsWith(' id')).forEach((s) => allowed.add(s.value));
  return secretsIn(await answerText(r.body, r.headers), secrets, JSON.stringify(input) ?? '', allowed);
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, lane));
}
