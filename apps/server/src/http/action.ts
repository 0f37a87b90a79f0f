import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ActionContract, Locale } from '@siso/shared';
import type { Actor } from '../access/actor.js';
import type { AuditNote } from '../audit/audit-writer.js';
import type { DB } from '../db/types.js';
import type { Tx } from '../db/transaction.js';
import type { AppServices } from '../app-services.js';

/** The services an action may use: everything but the database pool (its kind is enough to describe it). */
export type ActionServices = Omit<AppServices, 'database'> & { database: Pick<AppServices['database'], 'kind'> };

/** What the pipeline hands to an action (architecture, request pipeline step 3). */
export interface ActionContext {
  /** The acting operator; null only for `public` actions. */
  actor: Actor | null;
  tx: Tx;
  /** Adds subjects, targets and classes to this request's audit row. */
  audit: (note: AuditNote) => void;
  /** Enqueues a job after commit, through an outbox row written in this transaction. */
  enqueue: (job: string, payload: Record<string, unknown>) => Promise<void>;
  /**
   * Named services only: never the raw database (issue 10, point 3) — a request reads and writes
   * through `tx`, whose every query passes the scope guard.
   */
  services: ActionServices;
  request: { id: string; ip: string; userAgent: string | undefined; locale: Locale };
  /** Cookie control for auth.* actions (the only ones that create or end sessions). */
  session: {
    csrfToken: string | null;
    setToken(token: string): void;
    clear(): void;
  };
  log: FastifyBaseLogger;
  /**
   * The request's transaction WITHOUT the scope guard, for the few places that must read across
   * scopes (delivering into another ambito's inbox, duplicate checks). Audited with the reason, and
   * allowed only in the files listed in access/as-system.test.ts.
   */
  asSystem(reason: string): Tx;
  /**
   * The request's transaction for a write that must cross into another ente or ambito (delivering a
   * transfer or a proposal, alerts to another ente): reads stay guarded, INSERTs may carry another
   * tenant, UPDATEs reach rows the actor can see. Audited with the reason; allowed only in the files
   * listed in access/bypass-allowlist.test.ts.
   */
  crossTenant(reason: string): Tx;
  /**
   * Work to run when the action fails, after the rollback (and before the denied request is audited),
   * on the database outside the transaction: e.g. counting a failed login (OWASP ASVS 2.2.1), which
   * must survive the rollback. Safe on the embedded database's single connection, unlike `root`
   * inside the transaction.
   */
  onFailure(work: (db: Kysely<DB>) => Promise<void>): void;
}

export interface ActionHandler<C extends ActionContract = ActionContract> {
  contract: C;
  /**
   * When true the request is audited even if it succeeds without notes (every mutation is; a query
   * is audited when it notes subjects or targets — a read of personal data).
   */
  run(ctx: ActionContext, input: z.output<C['input']>): Promise<z.input<C['output']>>;
}

export function defineHandler<C extends ActionContract>(
  contract: C,
  run: (ctx: ActionContext, input: z.output<C['input']>) => Promise<z.input<C['output']>>,
): ActionHandler<C> {
  return { contract, run };
}
