import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inputHygieneIssues, type ActionContract, type Locale } from '@siso/shared';
import type { AppServices } from '../app-services.js';
import type { AuditNote } from '../audit/audit-writer.js';
import { writeAudit } from '../audit/audit-writer.js';
import { withTransaction } from '../db/transaction.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { ScopeGuardPlugin } from '../access/scope-guard.js';
import { enqueueViaOutbox } from '../jobs/outbox.js';
import type { ActionContext, ActionHandler, ActionServices } from './action.js';
import { AppError } from './app-error.js';
import { checkAccess, resolveSession, type Authenticated } from './authenticate.js';
import { detailsFromZod, errorBody } from './error-body.js';
import { idempotencyKeyOf, replayIdempotent, storeIdempotent } from './idempotency.js';
import { localeOf } from './locale.js';
import { SESSION_COOKIE, setSessionCookie, clearSessionCookie } from './session-cookie.js';

/** auth.login and auth.me are exempt from CSRF (wire contract); every other mutation sends x-csrf-token. */
const CSRF_EXEMPT = new Set(['auth.login', 'auth.me']);

function parseInput(contract: ActionContract, req: FastifyRequest): unknown {
  if (req.method === 'GET') {
    const raw = (req.query as { input?: string }).input;
    if (raw === undefined || raw === '') return {};
    try {
      return JSON.parse(raw);
    } catch {
      throw new AppError('invalid_input', [{ path: 'input', message: 'invalid_json' }]);
    }
  }
  return req.body ?? {};
}

/** What one request carries through the pipeline's steps. */
interface RequestState {
  req: FastifyRequest;
  reply: FastifyReply;
  services: AppServices;
  contract: ActionContract;
  locale: Locale;
  auth: Authenticated | null;
  notes: AuditNote;
  input: unknown;
  failureWork: ((db: Kysely<DB>) => Promise<void>)[];
  /** A new session token to set (string), the cookie to clear (null), or nothing (undefined). */
  newToken: string | null | undefined;
}

/**
 * The request pipeline (design/architecture.md): authenticate → validate → transaction → run →
 * present → commit; denied and failed requests are audited after the rollback.
 */
export function pipelineHandler(handler: ActionHandler, services: AppServices) {
  const { contract } = handler;
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const st: RequestState = {
      req, reply, services, contract, locale: localeOf(req.headers['accept-language']),
      auth: null, notes: {}, input: undefined, failureWork: [], newToken: undefined,
    };
    try {
      const idemKey = await authenticateAndValidate(st);
      if (idemKey && (await replayIfSeen(st, idemKey))) return;
      const result = await runInTransaction(st, handler, idemKey);
      await auditQueryRead(st);
      if (st.newToken) setSessionCookie(reply, st.newToken, services.config);
      if (st.newToken === null) clearSessionCookie(reply, services.config);
      if (contract.kind === 'mutation' || hasSubjects(st.notes)) services.afterCommit({ audit: true, outbox: contract.kind === 'mutation' });
      void reply.code(200).send(result);
    } catch (err) {
      await answerFailure(st, err);
    }
  };
}

/** Steps 1–2: the actor, its access, CSRF, the input; returns the Idempotency-Key to honour, if any. */
async function authenticateAndValidate(st: RequestState): Promise<string | undefined> {
  const { contract, req } = st;
  st.auth = await resolveSession(st.services, req.cookies[SESSION_COOKIE]);
  checkAccess(contract, st.auth);
  if (contract.kind === 'mutation' && contract.access !== 'public' && !CSRF_EXEMPT.has(contract.name)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !st.auth?.csrfMatches(sent)) throw new AppError('csrf_invalid', [{ path: 'x-csrf-token', message: 'csrf' }]);
  }
  // Before the schema, for every action whatever its contract: control characters, bad keys, nesting.
  const raw = parseInput(contract, req);
  const hygiene = inputHygieneIssues(raw);
  if (hygiene.length > 0) throw new AppError('invalid_input', hygiene);
  const parsed = contract.input.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid_input', detailsFromZod(parsed.error));
  st.input = parsed.data;
  // Outputs carrying a secret shown once are never stored for replays (contract.secretOutput).
  return contract.kind === 'mutation' && st.auth && !contract.secretOutput ? idempotencyKeyOf(req) : undefined;
}

/** A retry with an Idempotency-Key already answered within 24 h gets the stored response. */
async function replayIfSeen(st: RequestState, key: string): Promise<boolean> {
  if (!st.auth) return false;
  const replay = await replayIdempotent(st.services.database.db, st.auth.actor.operatorId, key, st.contract.name, st.input);
  if (!replay) return false;
  void st.reply.header('idempotent-replayed', 'true').code(replay.statusCode).send(replay.body);
  return true;
}

/** Steps 3–6: one transaction (READ ONLY for queries), the handler, presentation, audit and idempotency rows. */
async function runInTransaction(st: RequestState, handler: ActionHandler, idemKey: string | undefined): Promise<unknown> {
  const { contract, req, services } = st;
  const systemReasons: string[] = [];
  return withTransaction(
    guardedDb(services),
    async (tx) => {
      const ctx: ActionContext = {
        actor: st.auth?.actor ?? null,
        tx,
        audit: (n) => mergeNote(st.notes, n),
        enqueue: async (job, payload) => {
          await enqueueViaOutbox(tx, job, payload);
        },
        services: actionServices(services),
        request: { id: req.id, ip: req.ip, userAgent: req.headers['user-agent'], locale: st.locale },
        session: {
          csrfToken: st.auth?.csrfToken ?? null,
          setToken: (t) => (st.newToken = t),
          clear: () => (st.newToken = null),
        },
        log: req.log,
        asSystem: (reason) => {
          systemReasons.push(reason);
          mergeNote(st.notes, { details: { asSystem: [...systemReasons] } });
          return tx.withoutPlugins();
        },
        crossTenant: (reason) => {
          systemReasons.push(`crossTenant: ${reason}`);
          mergeNote(st.notes, { details: { asSystem: [...systemReasons] } });
          return tx.withoutPlugins().withPlugin(new ScopeGuardPlugin('crossTenant'));
        },
        onFailure: (work) => st.failureWork.push(work),
      };
      const out = await handler.run(ctx, st.input);
      // Present: the output schema is the contract; a mismatch is our bug, never sent as-is.
      const presented = contract.output.safeParse(out);
      if (!presented.success) {
        throw new AppError('internal', [], `output of ${contract.name} does not match its schema: ${z.prettifyError(presented.error)}`);
      }
      const actor = ctx.actor;
      // A query's transaction is READ ONLY and cannot insert: its audit row is written just after it.
      if (contract.kind === 'mutation') await writeAudit(tx, auditEntry(st, 'ok'));
      if (idemKey && actor) await storeIdempotent(tx, actor.operatorId, idemKey, contract.name, st.input, presented.data);
      return presented.data;
    },
    { readOnly: contract.kind === 'query' },
  );
}

/**
 * A read of personal data (or of the audit itself) is audited before the answer leaves: no row, no
 * data (GDPR art. 5(2) accountability; AgID log guidelines).
 */
async function auditQueryRead(st: RequestState): Promise<void> {
  if (st.contract.kind === 'query' && hasSubjects(st.notes)) await writeAudit(st.services.database.db, auditEntry(st, 'ok'));
}

function auditEntry(st: RequestState, outcome: 'ok' | 'denied' | 'failed', errorCode?: string) {
  return { action: st.contract.name, outcome, errorCode, actor: st.auth?.actor ?? null, requestId: st.req.id, clientIp: st.req.ip, ...st.notes };
}

/** Rollback done: replay a lost idempotency race, run the failure work, audit the denial, answer the error. */
async function answerFailure(st: RequestState, err: unknown): Promise<void> {
  const { req, reply, services, contract } = st;
  // Two concurrent first attempts with one Idempotency-Key: the loser answers with the winner's response.
  if (isIdempotencyCollision(err)) {
    const key = idempotencyKeyOf(req);
    if (key && (await replayIfSeen(st, key).catch(() => false))) return;
  }
  const appErr = toAppError(err);
  for (const work of st.failureWork) {
    await work(services.database.db).catch((workErr: unknown) => req.log.error({ err: workErr }, 'failure work failed'));
  }
  if (appErr.status >= 500) req.log.error({ err }, `action ${contract.name} failed`);
  // Audited after the rollback, never inside it (architecture, request pipeline step 6).
  if (appErr.code !== 'unauthenticated' || contract.name === 'auth.login') {
    await writeAudit(services.database.db, auditEntry(st, appErr.status >= 500 ? 'failed' : 'denied', appErr.code)).catch((auditErr: unknown) =>
      req.log.error({ err: auditErr }, 'audit of a failed request failed'),
    );
    services.afterCommit({ audit: true, outbox: false });
  }
  void reply.headers(appErr.headers);
  void reply.code(appErr.status).send(errorBody(appErr, st.locale, req.id));
}

function isIdempotencyCollision(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && e.constraint === 'idempotency_key_pkey';
}

const servicesOfActions = new WeakMap<AppServices, ActionServices>();

/** The services without the pool: a copy whose `database` names only its kind (issue 10, point 3). */
function actionServices(services: AppServices): ActionServices {
  let s = servicesOfActions.get(services);
  if (!s) {
    const { database, ...rest } = services;
    s = { ...rest, database: { kind: database.kind }, afterCommit: (w) => services.afterCommit(w) };
    servicesOfActions.set(services, s);
  }
  return s;
}

const guarded = new WeakMap<object, Kysely<DB>>();

/** The database handle of requests: every query passes the scope guard (access/scope-guard.ts). */
function guardedDb(services: AppServices): Kysely<DB> {
  const root = services.database.db;
  let db = guarded.get(root);
  if (!db) {
    db = root.withPlugin(new ScopeGuardPlugin());
    guarded.set(root, db);
  }
  return db;
}

function hasSubjects(n: AuditNote): boolean {
  return (n.subjectPeople?.length ?? 0) > 0 || (n.targets?.length ?? 0) > 0;
}

function mergeNote(into: AuditNote, n: AuditNote): void {
  // Called once per presented record (a list of 200 rows: 200 times): appended in place, no copies.
  const add = <T>(list: T[] | undefined, items: readonly T[] | undefined, same: (a: T, b: T) => boolean): T[] | undefined => {
    if (!items || items.length === 0) return list;
    const out = list ?? [];
    for (const item of items) if (!out.some((x) => same(x, item))) out.push(item);
    return out;
  };
  const eq = <T>(a: T, b: T) => a === b;
  into.subjectPeople = add(into.subjectPeople, n.subjectPeople, eq);
  // One target per record, however many presenters touched it (a scheda's view, its print).
  into.targets = add(into.targets, n.targets, (a, b) => a.kind === b.kind && a.id === b.id);
  into.classesRead = add(into.classesRead, n.classesRead, eq);
  into.classesChanged = add(into.classesChanged, n.classesChanged, eq);
  if (n.purpose) into.purpose = n.purpose;
  if (n.details) into.details = { ...(into.details ?? {}), ...n.details };
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const pgCode = (err as { code?: unknown }).code;
  // 40001/40P01: serialisation failure or deadlock between concurrent writers — a retryable conflict.
  if (pgCode === '40001' || pgCode === '40P01') return new AppError('conflict');
  return new AppError('internal', [], err instanceof Error ? err.message : String(err));
}
