import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';

/** A request names a service of the catalogue that is enabled: 422 on `serviceCode` otherwise. */
export async function assertServiceEnabled(db: Kysely<DB>, code: string): Promise<void> {
  const row = await db.selectFrom('service_catalogue').select('code').where('code', '=', code).where('enabled', '=', true).executeTakeFirst();
  if (!row) throw new AppError('precondition_failed', [{ path: 'serviceCode', message: 'servizio_non_disponibile' }]);
}
