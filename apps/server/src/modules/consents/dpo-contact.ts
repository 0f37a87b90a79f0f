import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/**
 * The data protection officer of the ente, if one is on file: an operator whose assignment in the ente
 * is "responsabile della protezione dei dati" (GDPR art. 37-39), by name and e-mail. Null when none:
 * the form then leaves a line to fill in.
 */
export async function dpoContactOf(db: Kysely<DB>, enteId: string): Promise<string | null> {
  const r = await sql<{ name: string; email: string | null }>`
    SELECT o.given_name || ' ' || o.family_name AS name, o.email
      FROM assignment a JOIN operator o ON o.id = a.operator_id
     WHERE a.ente_id = ${enteId} AND a.professional_type = 'responsabile_protezione_dati'
       AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date) AND o.disabled_at IS NULL
     ORDER BY o.family_name, o.given_name LIMIT 1`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  return row.email ? `${row.name}, ${row.email}` : row.name;
}
