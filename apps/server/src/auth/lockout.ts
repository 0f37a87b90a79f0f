import { sql, type Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { DB } from '../db/types.js';

/**
 * Account lockout after consecutive failures (OWASP ASVS 2.2.1; AgID misure minime ABSC 5.x). Called
 * through ctx.onFailure, i.e. after the request transaction rolled back, so the count survives the
 * rollback of the failed login, and on the embedded database's single connection it never waits for
 * the transaction that is still open. Reaching the limit locks for `minutes` and restarts the count;
 * attempts during a lock are not counted (an attacker cannot extend it forever).
 * Returns true when this failure locked the account.
 */
export async function recordFailedLogin(db: Kysely<DB>, operatorId: string, lockout: Config['lockout']): Promise<boolean> {
  const res = await sql<{ locked: boolean }>`
    UPDATE operator SET
      failed_login_count = CASE WHEN failed_login_count + 1 >= ${lockout.attempts} THEN 0 ELSE failed_login_count + 1 END,
      locked_until = CASE WHEN failed_login_count + 1 >= ${lockout.attempts}
                          THEN now() + make_interval(mins => ${lockout.minutes}) ELSE locked_until END
     WHERE id = ${operatorId} AND (locked_until IS NULL OR locked_until <= now())
    RETURNING COALESCE(locked_until > now(), false) AS locked`.execute(db);
  return res.rows[0]?.locked ?? false;
}

/** A successful authentication step clears the count (in the request transaction). */
export async function resetFailedLogins(db: Kysely<DB>, operatorId: string): Promise<void> {
  await db
    .updateTable('operator')
    .set({ failed_login_count: 0, locked_until: null })
    .where('id', '=', operatorId)
    .where((eb) => eb.or([eb('failed_login_count', '>', 0), eb('locked_until', 'is not', null)]))
    .execute();
}
