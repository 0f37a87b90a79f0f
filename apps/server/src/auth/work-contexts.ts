import { sql, type Kysely } from 'kysely';
import type { WorkContext } from '@siso/shared';
import type { DB } from '../db/types.js';
import type { Scope } from '../access/actor.js';

export interface ContextRow extends WorkContext {
  permissions: string[];
  profileCodes: string[];
  scopes: Record<string, Scope>;
  readableClasses: string[];
  writableClasses: string[];
  /** The masking profile of the desk at this office (desk_config.readable_classes), null when it has none. */
  deskReadableClasses: string[] | null;
}

/** SQL fragments shared by the context list (login) and the session lookup (every request). */
export const contextFrom = sql`
  assignment a
  JOIN office o ON o.id = a.office_id AND o.archived_at IS NULL
  JOIN ente e ON e.id = a.ente_id AND e.archived_at IS NULL
  LEFT JOIN ambito am ON am.id = a.ambito_id`;

export const contextValid = sql`a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date)`;

export const contextJson = sql`json_build_object(
  'assignmentId', a.id, 'regioneId', e.regione_id, 'ambitoId', a.ambito_id, 'ambitoName', am.name,
  'enteId', e.id, 'enteName', e.name, 'officeId', o.id, 'officeName', o.name, 'officeType', o.type,
  'professionalType', a.professional_type,
  'permissions', COALESCE((SELECT json_agg(DISTINCT perm ORDER BY perm)
      FROM assignment_profile ap JOIN profile p ON p.id = ap.profile_id AND p.archived_at IS NULL,
           unnest(p.permissions) AS perm
     WHERE ap.assignment_id = a.id), '[]'::json),
  'profileCodes', COALESCE((SELECT json_agg(p.code ORDER BY p.code)
      FROM assignment_profile ap JOIN profile p ON p.id = ap.profile_id AND p.archived_at IS NULL
     WHERE ap.assignment_id = a.id), '[]'::json),
  -- The widest scope among the profiles holding each permission (architecture: scope and grants).
  'scopes', COALESCE((SELECT json_object_agg(perm, scope) FROM (
      SELECT DISTINCT ON (perm) perm, p.scope
        FROM assignment_profile ap JOIN profile p ON p.id = ap.profile_id AND p.archived_at IS NULL,
             unnest(p.permissions) AS perm
       WHERE ap.assignment_id = a.id
       ORDER BY perm, array_position(ARRAY['own','office','ente','ambito','region_aggregate','installation'], p.scope) DESC) s), '{}'::json),
  'readableClasses', COALESCE((SELECT json_agg(DISTINCT c) FROM assignment_profile ap
      JOIN profile p ON p.id = ap.profile_id AND p.archived_at IS NULL, unnest(p.readable_classes) AS c
     WHERE ap.assignment_id = a.id), '[]'::json),
  'writableClasses', COALESCE((SELECT json_agg(DISTINCT c) FROM assignment_profile ap
      JOIN profile p ON p.id = ap.profile_id AND p.archived_at IS NULL, unnest(p.writable_classes) AS c
     WHERE ap.assignment_id = a.id), '[]'::json),
  'deskReadableClasses', (SELECT to_json(dc.readable_classes) FROM desk_config dc WHERE dc.office_id = o.id))`;

/** The contexts (assignments valid today) an operator may work in, with the permissions of each. */
export async function listWorkContexts(db: Kysely<DB>, operatorId: string): Promise<ContextRow[]> {
  const rows = await sql<{ ctx: ContextRow }>`
    SELECT ${contextJson} AS ctx FROM ${contextFrom}
     WHERE a.operator_id = ${operatorId} AND ${contextValid}
     ORDER BY am.name NULLS FIRST, e.name, o.name`.execute(db);
  return rows.rows.map((r) => r.ctx);
}

export function toWorkContext(c: ContextRow): WorkContext {
  const { permissions: _p, profileCodes: _c, scopes: _s, readableClasses: _r, writableClasses: _w, deskReadableClasses: _d, ...ctx } = c;
  return ctx;
}
