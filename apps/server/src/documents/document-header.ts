import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';

/** The letterhead of a generated document: who issues it (the ente is the data controller, GDPR art. 4(7)). */
export interface DocumentHeader {
  enteName: string;
  ambitoName: string | null;
  officeName: string;
  /** Office phone and e-mail, when the organisation registry has them. */
  contacts: string[];
}

/** The letterhead of the actor's current office and ente (organisation tables, not scope-guarded). */
export async function documentHeaderOf(db: Kysely<DB>, officeId: string): Promise<DocumentHeader> {
  const row = await db
    .selectFrom('office as o')
    .innerJoin('ente as e', 'e.id', 'o.ente_id')
    .leftJoin('ambito as a', 'a.id', 'e.ambito_id')
    .select(['o.name as office_name', 'o.phone', 'o.email', 'e.name as ente_name', 'a.name as ambito_name'])
    .where('o.id', '=', officeId)
    .executeTakeFirstOrThrow();
  const contacts = [row.phone ? `Tel. ${row.phone}` : null, row.email ? `E-mail ${row.email}` : null].filter((c): c is string => c !== null);
  return { enteName: row.ente_name, ambitoName: row.ambito_name, officeName: row.office_name, contacts };
}
