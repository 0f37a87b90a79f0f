import { sql, type Kysely } from 'kysely';
import type { ActionName } from '@siso/shared';
import type { DB } from '../db/types.js';

/** Whom a notice is addressed to: one operator, every operator of an office, or of an ente. */
export interface Audience {
  kind: 'operator' | 'office' | 'ente';
  id: string;
}

/**
 * The operators an audience stands for, so that each is told as they asked (alerts.setPreferences):
 * a preference is an operator's, so an alert addressed to a whole office or ente could not honour it.
 * An operator counts when enabled, assigned today (to the office or ente named, or anywhere for an
 * operator named) under a live profile holding `permission` — the one that opens what the alert links
 * to (a person, a proposal, a received scheda), so nobody is told about what they cannot open.
 */
export async function operatorsOf(db: Kysely<DB>, audience: readonly Audience[], permission: ActionName): Promise<string[]> {
  const ids = (kind: Audience['kind']) => audience.filter((a) => a.kind === kind).map((a) => a.id);
  if (audience.length === 0) return [];
  const r = await sql<{ operator_id: string }>`
    SELECT DISTINCT a.operator_id
      FROM assignment a
      JOIN operator o ON o.id = a.operator_id AND o.disabled_at IS NULL
      JOIN assignment_profile ap ON ap.assignment_id = a.id
      JOIN profile pr ON pr.id = ap.profile_id AND pr.archived_at IS NULL
     WHERE a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date)
       AND ${permission} = ANY(pr.permissions)
       AND (a.operator_id = ANY(${ids('operator')}::uuid[]) OR a.office_id = ANY(${ids('office')}::uuid[]) OR a.ente_id = ANY(${ids('ente')}::uuid[]))
     ORDER BY a.operator_id`.execute(db);
  return r.rows.map((x) => x.operator_id);
}
