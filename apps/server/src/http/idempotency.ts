import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { DB } from '../db/types.js';
import type { Tx } from '../db/transaction.js';
import { AppError } from './app-error.js';

/** Wire contract: a mutating request may carry Idempotency-Key; a replay within 24 h returns the stored response. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{8,200}$/.test(key)) {
    throw new AppError('invalid_input', [{ path: 'Idempotency-Key', message: 'invalid_format' }]);
  }
  return key;
}

function requestHash(action: string, input: unknown): string {
  return crypto.createHash('sha256').update(`${action}\n${JSON.stringify(input)}`).digest('hex');
}

export async function replayIdempotent(
  db: Kysely<DB>,
  operatorId: string,
  key: string,
  action: string,
  input: unknown,
): Promise<{ statusCode: number; body: unknown } | null> {
  const row = await db
    .selectFrom('idempotency_key')
    .select(['action', 'request_hash', 'status_code', 'response'])
    .where('operator_id', '=', operatorId)
    .where('key', '=', key)
    .where('created_at', '>', sql<Date>`now() - make_interval(hours => ${IDEMPOTENCY_WINDOW_HOURS})`)
    .executeTakeFirst();
  if (!row) return null;
  // The same key with a different request is a client bug: refuse rather than guess.
  if (row.action !== action || row.request_hash !== requestHash(action, input)) {
    throw new AppError('precondition_failed', [{ path: 'Idempotency-Key', message: 'chiave_già_usata' }]);
  }
  return { statusCode: row.status_code, body: row.response };
}

/**
 * Stored in the action's own transaction: the response is kept only if the change commits. Two
 * concurrent first attempts collide on the primary key; the loser rolls back and the client's next
 * retry is served from the winner's stored response.
 */
export async function storeIdempotent(tx: Tx, operatorId: string, key: string, action: string, input: unknown, response: unknown): Promise<void> {
  await sql`DELETE FROM idempotency_key WHERE operator_id = ${operatorId} AND key = ${key}
             AND created_at <= now() - make_interval(hours => ${IDEMPOTENCY_WINDOW_HOURS})`.execute(tx);
  await tx
    .insertInto('idempotency_key')
    .values({
      operator_id: operatorId,
      key,
      action,
      request_hash: requestHash(action, input),
      status_code: 200,
      response: JSON.stringify(response),
    })
    .execute();
}
