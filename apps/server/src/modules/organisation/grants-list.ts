import type { GrantListItem, GrantView } from '@siso/shared';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { AccessGrant } from '../../db/types.js';
import type { Tx } from '../../db/transaction.js';
import { presentGrant } from './grants.repo.js';
import type { ContextActor } from './require-actor.js';

/** A grant with the names lists show (grants.find). */
export interface GrantListRow extends Selectable<AccessGrant> {
  created_key: string;
  status: GrantListItem['status'];
  subject_name: string | null;
  subject_detail: string | null;
  granted_by_name: string | null;
  hide_name: string | null;
}

/** Which grants a list shows: one record's (of one or more kinds), or those matching a condition on `g`. */
export interface GrantListFilter {
  where: RawBuilder<boolean>;
  /** Only grants in force or still to come. */
  current?: boolean;
  /** Keyset: strictly after (created_at, id) of the last row of the previous page. */
  after?: readonly [string, string];
  limit: number;
}

/**
 * Grants newest first with the names of their subject (an operator with the office and ente of an
 * assignment valid today, an office with its ente, an ente), of who made them and of the office whose
 * information they hide. Status is decided on today's date, as the grant rule decides (visibility.ts).
 */
export async function listGrants(tx: Tx, f: GrantListFilter): Promise<GrantListRow[]> {
  const current = f.current ? sql`AND g.revoked_at IS NULL AND (g.valid_to IS NULL OR g.valid_to >= current_date)` : sql``;
  const after = f.after ? sql`AND (g.created_at, g.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : sql``;
  const r = await sql<GrantListRow>`
    SELECT g.*, g.created_at::text AS created_key,
           CASE WHEN g.revoked_at IS NOT NULL THEN 'revoked'
                WHEN g.valid_to IS NOT NULL AND g.valid_to < current_date THEN 'expired'
                WHEN g.valid_from > current_date THEN 'scheduled'
                ELSE 'active' END AS status,
           CASE g.subject_kind WHEN 'operator' THEN so.given_name || ' ' || so.family_name WHEN 'office' THEN sf.name ELSE se.name END AS subject_name,
           CASE g.subject_kind WHEN 'operator' THEN sa.place WHEN 'office' THEN sfe.name ELSE NULL END AS subject_detail,
           gb.given_name || ' ' || gb.family_name AS granted_by_name,
           hf.name AS hide_name
      FROM access_grant g
      LEFT JOIN operator so ON g.subject_kind = 'operator' AND so.id = g.subject_id
      LEFT JOIN LATERAL (
        SELECT af.name || ' — ' || ae.name AS place FROM assignment a JOIN office af ON af.id = a.office_id JOIN ente ae ON ae.id = a.ente_id
         WHERE a.operator_id = so.id AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date)
         ORDER BY a.valid_from DESC, a.id LIMIT 1) sa ON true
      LEFT JOIN office sf ON g.subject_kind = 'office' AND sf.id = g.subject_id
      LEFT JOIN ente sfe ON sfe.id = sf.ente_id
      LEFT JOIN ente se ON g.subject_kind = 'ente' AND se.id = g.subject_id
      LEFT JOIN operator gb ON gb.id = g.granted_by
      LEFT JOIN office hf ON hf.id = g.hide_info_from_office
     WHERE ${f.where} ${current} ${after}
     ORDER BY g.created_at DESC, g.id DESC
     LIMIT ${f.limit + 1}`.execute(tx);
  return r.rows;
}

export function presentGrantListItem(actor: ContextActor, r: GrantListRow): GrantListItem {
  const view: GrantView = presentGrant(actor, r);
  return {
    ...view,
    status: r.status,
    // A subject deleted from the organisation keeps its grant: the list still says what it was.
    subjectName: r.subject_name ?? '—',
    subjectDetail: r.subject_detail,
    grantedByName: r.granted_by_name,
    hideInfoFromName: r.hide_name,
  };
}
