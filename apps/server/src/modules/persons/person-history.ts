import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { detailInsert, type DetailWriter } from './person-parts.js';

export type HistorySource = 'manual' | 'registry' | 'merge' | 'fiscal_code_replacement' | 'identification';
export type Change = { field: string; before: unknown; after: unknown };

/** Column → field name of the view, for the history shown on the person (issue 4, point 9). */
const fieldOfColumn: Record<string, string> = {
  fiscal_code: 'fiscalCode', fiscal_code_kind: 'fiscalCodeKind', surname: 'surname', name: 'name', sex: 'sex',
  birth_date: 'birthDate', birth_comune_istat: 'birthComuneIstat', birth_state_code: 'birthStateCode',
  birth_place_name: 'birthPlaceName', citizenships: 'citizenships', civil_status: 'civilStatus', contacts: 'contacts',
  homeless: 'homeless', reception_facility: 'receptionFacility', gp: 'gp', health_card_number: 'healthCardNumber',
  stp_eni_code: 'stpEniCode', date_of_death: 'dateOfDeath', notes: 'notes', anpr_id: 'anprId',
  registry_sync: 'registrySync', protection_reason: 'protectionReason', anonymous: 'anonymous',
};

/** The changed fields between the stored row and the new column values (derived columns skipped). */
export function diffColumns(before: Record<string, unknown> | null, after: Record<string, unknown>): Change[] {
  const out: Change[] = [];
  for (const [col, v] of Object.entries(after)) {
    const field = fieldOfColumn[col];
    if (!field) continue;
    const old = before ? before[col] ?? null : null;
    if (JSON.stringify(old) !== JSON.stringify(v ?? null)) out.push({ field, before: old, after: v ?? null });
  }
  return out;
}

export async function writeHistory(
  db: Kysely<DB>,
  by: DetailWriter,
  row: { personId: string; ambitoId: string; operatorId: string | null; source: HistorySource; changes: Change[]; note?: string | null },
): Promise<void> {
  if (row.changes.length === 0) return;
  await db
    .insertInto('person_history')
    .values({
      id: crypto.randomUUID(),
      person_id: row.personId,
      ambito_id: row.ambitoId,
      operator_id: row.operatorId,
      source: row.source,
      changes: JSON.stringify(row.changes),
      note: row.note ?? null,
    })
    .modifyEnd(detailInsert(by, 'personHistory', row.ambitoId))
    .execute();
}
