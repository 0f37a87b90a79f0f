import { sql, type RawBuilder } from 'kysely';
import type { PersonFields } from '@siso/shared';

/** Column values of the plain (non-derived) fields present in an input: undefined = untouched. */
export function plainColumns(input: PersonFields & { protectionReason?: string | null }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (col: string, v: unknown) => { if (v !== undefined) out[col] = v; };
  put('contacts', input.contacts?.map((c) => ({ kind: c.kind, value: c.value, owner: c.owner, ownerName: c.ownerName ?? null, note: c.note ?? null })));
  put('homeless', input.homeless);
  put('reception_facility', input.receptionFacility);
  put('gp', input.gp === undefined ? undefined : input.gp && { name: input.gp.name, regionalCode: input.gp.regionalCode ?? null, phone: input.gp.phone ?? null });
  put('health_card_number', input.healthCardNumber);
  put('stp_eni_code', input.stpEniCode);
  put('notes', input.notes);
  put('anpr_id', input.anprId);
  put('registry_sync', input.registrySync);
  put('protection_reason', input.protectionReason);
  return out;
}

/** `col = value` for an UPDATE of person: jsonb columns travel as JSON text, citizenships as text[]. */
export function setClause(columns: Record<string, unknown>): Array<RawBuilder<unknown>> {
  return Object.entries(columns).map(([col, v]) => {
    if ((col === 'contacts' || col === 'gp') && v !== null && v !== undefined) return sql`${sql.ref(col)} = ${JSON.stringify(v)}`;
    return col === 'citizenships' ? sql`${sql.ref(col)} = ${v}::text[]` : sql`${sql.ref(col)} = ${v}`;
  });
}

/** Fields whose values never go into the audit row, only their names (architecture: audit). */
const namesOnly = new Set(['gp', 'healthCardNumber', 'protectionReason', 'stpEniCode']);

export function auditDetails(changes: Array<{ field: string; before: unknown; after: unknown }>): Record<string, unknown> {
  return Object.fromEntries(changes.map((c) => [c.field, namesOnly.has(c.field) ? 'changed' : { before: c.before, after: c.after }]));
}
