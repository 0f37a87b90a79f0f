import { sql, type Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Actor } from '../access/actor.js';
import type { DB } from '../db/types.js';
import { hashToken, newToken } from './tokens.js';
import type { WorkContext } from '@siso/shared';
import { actorClasses, type FieldClass } from '../access/field-classes.js';
import { contextFrom, contextJson, contextValid, type ContextRow } from './work-contexts.js';

export type SessionStatus = 'active' | 'totp_required' | 'password_change_required';

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  status: SessionStatus;
}

/** Sessions live in the database (same code on PGlite and PostgreSQL), idle and absolute timeouts. */
export class SessionStore {
  /**
   * Resolved sessions for a few seconds (SISO_SESSION_CACHE_SECONDS, default 5; 0 disables): the
   * lookup is a database round trip on every request (bench/platform). Logout and rotation in this
   * process evict at once; in another instance a revoked session lives at most that long.
   */
  private readonly cache = new Map<string, { value: LoadedSession; until: number }>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: Pick<Config, 'session'>,
  ) {}

  private cached(tokenHash: string): LoadedSession | null {
    const hit = this.cache.get(tokenHash);
    if (!hit) return null;
    if (hit.until > Date.now()) return hit.value;
    this.cache.delete(tokenHash);
    return null;
  }

  private remember(tokenHash: string, value: LoadedSession): void {
    const ttl = this.config.session.cacheSeconds * 1000;
    if (ttl === 0) return;
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(tokenHash, { value, until: Date.now() + ttl });
  }

  async create(
    db: Kysely<DB>,
    operatorId: string,
    meta: { ip: string; userAgent: string | undefined; status?: SessionStatus; assignmentId?: string | null },
  ): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    await db
      .insertInto('session')
      .values({
        token_hash: hashToken(token),
        operator_id: operatorId,
        assignment_id: meta.assignmentId ?? null,
        csrf_token: csrfToken,
        status: meta.status ?? 'active',
        expires_at: sql<Date>`now() + make_interval(hours => ${this.config.session.absoluteHours})`,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    return { token, csrfToken };
  }

  /**
   * Replaces a session by a new one with the same expiry (session fixation defence: the id changes
   * whenever the privileges change, e.g. on auth.selectContext).
   */
  async rotate(
    db: Kysely<DB>,
    oldHash: string,
    assignmentId: string | null,
    status?: SessionStatus,
  ): Promise<{ token: string; csrfToken: string }> {
    this.cache.delete(oldHash);
    const token = newToken();
    const csrfToken = newToken();
    const moved = await sql<{ token_hash: string }>`
      WITH old AS (
        UPDATE session SET revoked_at = now() WHERE token_hash = ${oldHash} AND revoked_at IS NULL
        RETURNING operator_id, status, created_at, expires_at, ip, user_agent)
      INSERT INTO session (token_hash, operator_id, assignment_id, csrf_token, status, created_at, expires_at, ip, user_agent)
      SELECT ${hashToken(token)}, operator_id, ${assignmentId}, ${csrfToken}, COALESCE(${status ?? null}::text, status), created_at, expires_at, ip, user_agent
        FROM old
      RETURNING token_hash`.execute(db);
    if (moved.rows.length !== 1) throw new Error('session to rotate not found');
    return { token, csrfToken };
  }

  /**
   * Revokes every live session of an operator except `keepHash` (after a password change, OWASP ASVS
   * 3.3.3) or all of them (auth.logoutEverywhere). Returns how many were revoked.
   */
  async revokeAllOf(db: Kysely<DB>, operatorId: string, keepHash?: string): Promise<number> {
    for (const [hash, hit] of this.cache) if (hit.value.actor.operatorId === operatorId && hash !== keepHash) this.cache.delete(hash);
    let q = db.updateTable('session').set({ revoked_at: sql`now()` }).where('operator_id', '=', operatorId).where('revoked_at', 'is', null);
    if (keepHash) q = q.where('token_hash', '<>', keepHash);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  async revoke(db: Kysely<DB>, tokenHash: string): Promise<void> {
    this.cache.delete(tokenHash);
    await db.updateTable('session').set({ revoked_at: sql`now()` }).where('token_hash', '=', tokenHash).execute();
  }

  /**
   * Resolves a cookie token to its actor, or null when missing, revoked or expired. One query with
   * the context and the permissions: it runs on every request.
   */
  async load(token: string): Promise<LoadedSession | null> {
    const tokenHash = hashToken(token);
    const hit = this.cached(tokenHash);
    if (hit) return hit;
    const idle = this.config.session.idleMinutes;
    const found = await sql<{
      operator_id: string;
      assignment_id: string | null;
      csrf_token: string;
      status: SessionStatus;
      username: string;
      display_name: string;
      stale: boolean;
      home_ambito_id: string | null;
      ctx: ContextRow | null;
    }>`
      SELECT s.operator_id, s.assignment_id, s.csrf_token, s.status, o.username,
             o.given_name || ' ' || o.family_name AS display_name,
             s.last_seen_at < now() - interval '1 minute' AS stale,
             (SELECT CASE WHEN count(DISTINCT a.ambito_id) = 1 AND count(*) = count(a.ambito_id) THEN min(a.ambito_id::text) END
                FROM assignment a WHERE a.operator_id = s.operator_id AND ${contextValid}) AS home_ambito_id,
             (SELECT ${contextJson} FROM ${contextFrom} WHERE a.id = s.assignment_id AND ${contextValid}) AS ctx
        FROM session s JOIN operator o ON o.id = s.operator_id AND o.disabled_at IS NULL
       WHERE s.token_hash = ${tokenHash} AND s.revoked_at IS NULL
         AND s.expires_at > now()
         AND s.last_seen_at > now() - make_interval(mins => ${idle})`.execute(this.db);
    const row = found.rows[0];
    if (!row) return null;
    // Touch at most once a minute: a write per request would serialise the embedded database.
    if (row.stale) {
      await this.db.updateTable('session').set({ last_seen_at: sql`now()` }).where('token_hash', '=', tokenHash).execute();
    }
    // An assignment that expired or was archived since selection drops the context.
    const { permissions = [], profileCodes = [], scopes = {}, readableClasses = [], writableClasses = [], deskReadableClasses = null, ...context } = row.ctx ?? {};
    const officeType = row.ctx?.officeType;
    const classes = officeType ? actorClasses(officeType, readableClasses, writableClasses, deskReadableClasses) : { readable: new Set<FieldClass>(), writable: new Set<FieldClass>() };
    const loaded: LoadedSession = {
      actor: {
        operatorId: row.operator_id,
        username: row.username,
        displayName: row.display_name,
        sessionHash: tokenHash,
        context: row.ctx ? (context as WorkContext) : null,
        permissions: new Set(permissions),
        scopes,
        readable: classes.readable,
        writable: classes.writable,
        profiles: profileCodes,
        homeAmbitoId: row.home_ambito_id,
      },
      csrfToken: row.csrf_token,
      status: row.status,
    };
    this.remember(tokenHash, loaded);
    return loaded;
  }
}
