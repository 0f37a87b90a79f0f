import type { TestResponse } from '../../testing/test-app.js';
import type { AttackerSession } from './attackers.js';
import { answerText, counterProblems, secretsIn, stripPreviews } from './leaks.js';
import type { Owners, Secret } from './owner-ids.js';
import type { Template } from './template-context.js';

/** One operation of the OpenAPI document: an action and the HTTP method that reaches it. */
export interface Operation {
  path: string;
  method: 'GET' | 'POST';
  /** The action (`persons.get`) for the action routes; undefined for other paths (`/api/health`). */
  action: string | undefined;
  operationId: string | undefined;
}

/** Every operation of the served OpenAPI document, in document order. */
export function operationsOf(doc: { paths: Record<string, Record<string, { operationId?: string }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const action = op.operationId ? path.replace(/^\/api\//, '') : undefined;
      ops.push({ path, method: method.toUpperCase() as Operation['method'], action, operationId: op.operationId });
    }
  }
  return ops;
}

/** Every `METHOD action` some attacker sent in this run (the suite checks none was left out). */
export const sentOperations = new Set<string>();

export interface Finding {
  persona: string;
  action: string;
  method: string;
  /** The owners' ids and values the body carried ("person id 3f2a0c1e"). */
  target: string;
  status: number;
  problems: string[];
}

export function describeFinding(f: Finding): string {
  return `${f.persona} → ${f.method} ${f.action} ${f.target} HTTP ${f.status}: ${f.problems.join(' | ')}`;
}

const idKinds = (s: Secret) => s.what.endsWith(' id');

function targetOf(input: unknown, o: Owners): string {
  const sent = JSON.stringify(input) ?? '';
  const hits = o.secrets.filter((s) => sent.toLowerCase().includes(s.value.toLowerCase()));
  if (hits.length === 0) return sent.length > 80 ? `${sent.slice(0, 80)}…` : sent;
  return hits.slice(0, 4).map((s) => `${s.what} ${s.value.slice(0, 8)}`).join(', ') + (hits.length > 4 ? `, +${hits.length - 4}` : '');
}

export interface AttackResult {
  findings: Finding[];
  requests: number;
}

/**
 * One attacker calls every operation with every body of its template (GET with the first). A 401 (the
 * attacker logged itself out) logs it back in and repeats the call; an action the attacker's profile
 * lacks is called once by POST (refused before the body is read), the rest only if that was not a 403.
 */
export async function attack(s: AttackerSession, o: Owners, ops: Operation[], templates: Record<string, Template>, today: string): Promise<AttackResult> {
  const findings: Finding[] = [];
  let requests = 0;
  const { client, attacker } = s;
  const call = async (action: string, input: unknown, method: 'GET' | 'POST'): Promise<TestResponse> => {
    requests += 1;
    sentOperations.add(`${method} ${action}`);
    // Known to the attacker from now on (before the answer: a concurrent read of the audit may show it).
    const sent = (JSON.stringify(input) ?? '').toLowerCase();
    o.secrets.filter((x) => sent.includes(x.value.toLowerCase())).forEach((x) => s.sent.add(x.value));
    let r = await client.callRaw(action, input, { method });
    if (r.status === 401 && action !== 'auth.login') {
      await client.login(attacker.username);
      requests += 2;
      r = await client.callRaw(action, input, { method });
    }
    return r;
  };
  // Session-changing actions (auth.*) last and one at a time; the others a few at a time.
  const isAuth = (op: Operation) => op.action?.startsWith('auth.') ?? false;
  const run = async (op: Operation) => {
    if (!op.action) {
      requests += 1;
      sentOperations.add(`${op.method} ${op.path}`);
      const r = await client.callRaw(op.path.replace(/^\/api\//, ''), {}, { method: op.method });
      await check(s, o, op.path, op.method, {}, r, findings);
      return;
    }
    const template = templates[op.action];
    if (!template) return; // reported by the coverage test
    // The grantee of the shared scheda attacks it too: a grant shares for reading (docs/access-control.md).
    let inputs = template({ o, a: attacker, today });
    // GET reaches the same handler as POST through the query string: its first body is enough, and
    // none when the profile lacks the action (the POST shows the refusal, decided before the input).
    if (op.method === 'GET') inputs = s.permissions.has(op.action) || op.action.startsWith('auth.') ? inputs.slice(0, 1) : [];
    for (const [n, input] of inputs.entries()) {
      const r = await call(op.action, input, op.method);
      await check(s, o, op.action, op.method, input, r, findings);
      if (op.action === 'auth.selectContext' && r.status === 200) await client.login(attacker.username);
      const refusedByPolicy = n === 0 && r.status === 403 && !s.permissions.has(op.action) && !op.action.startsWith('auth.');
      if (refusedByPolicy) break;
    }
  };
  await inParallel(ops.filter((op) => !isAuth(op)), PARALLEL, run);
  for (const op of ops.filter(isAuth)) await run(op);
  return { findings, requests };
}

/** Requests of one attacker in flight at once (the database work of one overlaps the server work of another). */
const PARALLEL = 4;

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, lane));
}


async function check(s: AttackerSession, o: Owners, action: string, method: string, input: unknown, r: TestResponse, findings: Finding[]): Promise<void> {
  const problems: string[] = [];
  let body = r.body;
  if (action === 'persons.find' && s.previewAllowed) {
    const stripped = stripPreviews(body, o);
    s.previews += stripped.accepted;
    body = stripped.body;
    problems.push(...stripped.problems);
  }
  const sentNow = JSON.stringify(input) ?? '';
  const allowed = new Set<string>();
  if (s.attacker.username === o.shared.granteeUsername) o.shared.allowed.forEach((v) => allowed.add(v));
  if (action.startsWith('audit.')) {
    // The audit records what was asked: a reader sees its own earlier filters (and requests) again.
    s.sent.forEach((v) => allowed.add(v));
    // The DPO of the owners' ambito reads its audit log (docs/access-control.md): ids, never names.
    if (s.auditReader) o.secrets.filter(idKinds).forEach((x) => allowed.add(x.value));
  }
  // The same DPO oversees every share and emergency access of the ambito (grants.find, breakGlass.find
  // with an ambito scope; docs/access-control.md): their ids and the records' ids, never the records.
  if (s.auditReader && (action === 'grants.find' || action === 'breakGlass.find')) o.secrets.filter(idKinds).forEach((x) => allowed.add(x.value));
  const text = await answerText(body, r.headers);
  const leaked = secretsIn(text, o.secrets, sentNow, allowed);
  if (leaked.length > 0) problems.push(`leaked ${leaked.map((x) => `${x.what} ${x.value.slice(0, 12)}`).join(', ')}`);
  problems.push(...counterProblems(action, r.status, r.body, o, s.attacker.officeId));
  const context = (r.body as { context?: { enteId?: string; officeId?: string } | null })?.context;
  if (action === 'auth.selectContext' && r.status === 200 && context?.officeId !== s.attacker.officeId) problems.push(`switched into office ${String(context?.officeId)}`);
  if (r.status >= 500) problems.push(`server error ${JSON.stringify(r.body).slice(0, 200)}`);
  if (problems.length > 0) findings.push({ persona: s.attacker.username, action, method, target: targetOf(input, o), status: r.status, problems });
}
