import { sql } from 'kysely';
import type { Tx } from '../../../db/transaction.js';
import { notify } from '../../../notifications/notify.js';

/**
 * Operators currently assigned to one of `officeIds` whose profiles hold `permission`: the people an
 * intake alert is for (a desk's operators for a received scheda, the social service for a proposal).
 */
export async function operatorsOf(tx: Tx, officeIds: readonly string[], permission: string): Promise<string[]> {
  if (officeIds.length === 0) return [];
  const r = await sql<{ operator_id: string }>`
    SELECT DISTINCT a.operator_id
      FROM assignment a
      JOIN operator o ON o.id = a.operator_id AND o.disabled_at IS NULL
      JOIN assignment_profile ap ON ap.assignment_id = a.id
      JOIN profile pr ON pr.id = ap.profile_id AND pr.archived_at IS NULL
     WHERE a.office_id = ANY(${[...officeIds]}::uuid[])
       AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date)
       AND ${permission} = ANY(pr.permissions)
     ORDER BY a.operator_id`.execute(tx);
  return r.rows.map((x) => x.operator_id);
}

/**
 * One alert per operator, each as they asked (in-app / e-mail, alerts.setPreferences). Titles carry
 * numbers and office names only: no personal or special-category data in the header bell or in mail
 * (GDPR art. 9 and 32).
 */
export async function notifyOperators(
  tx: Tx,
  operatorIds: readonly string[],
  alert: { ambitoId: string | null; enteId: string; type: string; title: string; link: { kind: string; id: string }; publicUrl: string },
): Promise<void> {
  for (const operatorId of operatorIds) await notify(tx, { ...alert, operatorId });
}
