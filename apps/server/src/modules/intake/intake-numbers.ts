import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/**
 * The next identificativo of a scheda, "YYYY/NNNNNN", progressive per ente and year (siso-original
 * SS_SCHEDA_ACCESSO.IDENTIFICATIVO). The upsert takes the counter row's lock, so two desks of one
 * ente saving together get different numbers and the sequence has no gaps except rolled-back saves.
 */
export async function nextIntakeNumber(db: Kysely<DB>, enteId: string, year: number): Promise<string> {
  const r = await sql<{ last: number }>`
    INSERT INTO intake_counter (ente_id, year, last) VALUES (${enteId}, ${year}, 1)
    ON CONFLICT (ente_id, year) DO UPDATE SET last = intake_counter.last + 1
    RETURNING last`.execute(db);
  return `${year}/${String(r.rows[0]!.last).padStart(6, '0')}`;
}
