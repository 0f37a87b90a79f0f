import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** The optional consents the region offers (code list siso.consenso_facoltativo, in force today). */
export const CONSENT_TYPES_LIST = 'siso.consenso_facoltativo';

export interface ConsentType {
  code: string;
  label: string;
  description: string | null;
}

export async function loadConsentTypes(db: Kysely<DB>): Promise<ConsentType[]> {
  const rows = await db
    .selectFrom('ref_code')
    .select(['code', 'label'])
    .where('list', '=', CONSENT_TYPES_LIST)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', sql<string>`current_date`)]))
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', sql<string>`current_date`)]))
    .orderBy('sort')
    .execute();
  return rows.map((r) => ({ code: r.code, label: r.label ?? r.code, description: null }));
}
