import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ActionContract } from '@siso/shared';
import type { AppServices } from '../app-services.js';
import type { AuditNote } from '../audit/audit-writer.js';
import { writeAudit } from '../audit/audit-writer.js';
import { withTransaction } from '../db/transaction.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { ScopeGuardPlugin } from '../access/scope-guard.js';
import { enqueueViaOutbox } from '../jobs/outbox.js';
import type { ActionContext, ActionHandler } from './action.js';
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

/**
 * The request pipeline (design/architecture.md): authenticate → validate → transaction → run →
 * present → commit; denied and failed requests are audited after the rollback.
 */
export function pipelineHandler(handler: ActionHandler, services: AppServices) {
  const { contract } = handler;
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const locale = localeOf(req.headers['accept-language']);
    const token = req.cookies[SESSION_COOKIE];
    const meta = { id: req.id, ip: req.ip, userAgent: req.headers['user-agent'], locale };
    let auth: Authenticated | null = null;
    const notes: AuditNote = {};
    let parsedInput: unknown;
    const failureWork: ((db: typeof services.database.db) => Promise<void>)[] = [];
    try {
      auth = await resolveSession(services, token);
      checkAccess(contract, auth);
      if (contract.kind === 'mutation' && contract.access !== 'public' && !CSRF_EXEMPT.has(contract.name)) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !auth?.csrfMatches(sent)) throw new AppError('forbidden', [{ path: 'x-csrf-token', message: 'csrf' }]);
      }
      const parsed = contract.input.safeParse(parseInput(contract, req));
      if (!parsed.success) throw new AppError('invalid_input', detailsFromZod(parsed.error));
      parsedInput = parsed.data;
      const idemKey = contract.kind === 'mutation' && auth && !contract.secretOutput ? idempotencyKeyOf(req) : undefined;
      if (idemKey && auth) {
        const replay = await replayIdempotent(services.database.db, auth.actor.operatorId, idemKey, contract.name, parsed.data);
        if (replay) {
          void reply.header('idempotent-replayed', 'true').code(replay.statusCode).send(replay.body);
          return;
        }
      }
      let newToken: string | null | undefined;
      const result = await withTransaction(
        guardedDb(services),
        async (tx) => {
          const ctx: ActionContext = {
            actor: auth?.actor ?? null,
            tx,
            audit: (n) => mergeNote(notes, n),
            enqueue: async (job, payload) => {
              await enqueueViaOutbox(tx, job, payload);
            },
            services,
            request: meta,
            session: {
              csrfToken: auth?.csrfToken ?? null,
              setToken: (t) => (newToken = t),
              clear: () => (newToken = null),
            },
            log: req.log,
            asSystem: (reason) => {
              mergeNote(notes, { details: { asSystem: [...(((notes.details?.asSystem as string[] | undefined) ?? [])), reason] } });
              return tx.withoutPlugins();
            },
            onFailure: (work) => failureWork.push(work),
          };
          const out = await handler.run(ctx, parsed.data);
          // Present: the output schema is the contract; a mismatch is our bug, never sent as-is.
          const presented = contract.output.safeParse(out);
          if (!presented.success) {
            throw new AppError('internal', [], `output of ${contract.name} does not match its schema: ${z.prettifyError(presented.error)}`);
          }
          const actor = ctx.actor;
          // A query's transaction is READ ONLY and cannot insert: its audit row is written just after it (below).
          if (contract.kind === 'mutation') {
            await writeAudit(tx, { action: contract.name, outcome: 'ok', actor, requestId: req.id, clientIp: req.ip, ...notes });
          }
          if (idemKey && actor) await storeIdempotent(tx, actor.operatorId, idemKey, contract.name, parsed.data, presented.data);
          return presented.data;
        },
        { readOnly: contract.kind === 'query' },
      );
      if (contract.kind === 'query' && hasSubjects(notes)) {
        // A read of personal data (or of the audit itself) is audited before the answer leaves: no row, no data
        // (GDPR art. 5(2) accountability; AgID log guidelines).
        await writeAudit(services.database.db, { action: contract.name, outcome: 'ok', actor: auth?.actor ?? null, requestId: req.id, clientIp: req.ip, ...notes });
      }
      if (newToken) setSessionCookie(reply, newToken, services.config);
      if (newToken === null) clearSessionCookie(reply, services.config);
      if (contract.kind === 'mutation' || hasSubjects(notes)) services.afterCommit({ audit: true, outbox: contract.kind === 'mutation' });
      void reply.code(200).send(result);
    } catch (err) {
      // Two concurrent first attempts with one Idempotency-Key: the loser answers with the winner's response.
      if (isIdempotencyCollision(err) && auth) {
        const key = idempotencyKeyOf(req);
        const replay = key ? await replayIdempotent(services.database.db, auth.actor.operatorId, key, contract.name, parsedInput).catch(() => null) : null;
        if (replay) {
          void reply.header('idempotent-replayed', 'true').code(replay.statusCode).send(replay.body);
          return;
        }
      }
      const appErr = toAppError(err);
      for (const work of failureWork) {
        await work(services.database.db).catch((workErr: unknown) => req.log.error({ err: workErr }, 'failure work failed'));
      }
      if (appErr.status >= 500) req.log.error({ err }, `action ${contract.name} failed`);
      // Audited after the rollback, never inside it (architecture, request pipeline step 6).
      if (appErr.code !== 'unauthenticated' || contract.name === 'auth.login') {
        await writeAudit(services.database.db, {
          action: contract.name,
          outcome: appErr.status >= 500 ? 'failed' : 'denied',
          errorCode: appErr.code,
          actor: auth?.actor ?? null,
          requestId: req.id,
          clientIp: req.ip,
          ...notes,
        }).catch((auditErr: unknown) => req.log.error({ err: auditErr }, 'audit of a failed request failed'));
        services.afterCommit({ audit: true, outbox: false });
      }
      void reply.headers(appErr.headers);
      void reply.code(appErr.status).send(errorBody(appErr, locale, req.id));
    }
  };
}

function isIdempotencyCollision(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && e.constraint === 'idempotency_key_pkey';
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
  if (n.subjectPeople) into.subjectPeople = [...new Set([...(into.subjectPeople ?? []), ...n.subjectPeople])];
  if (n.targets) into.targets = [...(into.targets ?? []), ...n.targets];
  if (n.classesRead) into.classesRead = [...new Set([...(into.classesRead ?? []), ...n.classesRead])];
  if (n.classesChanged) into.classesChanged = [...new Set([...(into.classesChanged ?? []), ...n.classesChanged])];
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
