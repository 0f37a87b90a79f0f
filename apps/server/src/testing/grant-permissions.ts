import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';

/** Adds permissions to a demo profile in this test file's own database copy. */
export async function grantToProfile(db: Kysely<DB>, profileCode: string, permissions: string[]): Promise<void> {
  await sql`UPDATE profile SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ${permissions}::text[]))
             WHERE code = ${profileCode}`.execute(db);
}
