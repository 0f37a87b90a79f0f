import { sql, type RawBuilder } from 'kysely';

/**
 * The next identificativo of a scheda, "YYYY/NNNNNN", progressive per ente and year (siso-original
 * SS_SCHEDA_ACCESSO.IDENTIFICATIVO). The upsert takes the counter row's lock, so two desks of one
 * ente saving together get different numbers and the sequence has no gaps except rolled-back saves.
 * A data-modifying CTE of the scheda's INSERT (intake-write.ts): `(SELECT number FROM counter)`.
 */
export function nextIntakeNumber(enteId: string, year: number): RawBuilder<{ number: string }> {
  // Parenthesised: Kysely writes `WITH counter AS <this>`.
  return sql<{ number: string }>`(
    INSERT INTO intake_counter (ente_id, year, last) VALUES (${enteId}, ${year}, 1)
    ON CONFLICT (ente_id, year) DO UPDATE SET last = intake_counter.last + 1
    RETURNING ${String(year)} || '/' || lpad(last::text, 6, '0') AS number)`;
}
