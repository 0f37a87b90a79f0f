import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';

/**
 * Demo desk configurations (issue 5, point 6), in every comune ente of the demo region:
 * - the general desk (Segretariato Sociale) requires access, interlocutor, user, needs and outcome,
 *   and the comune's third-sector cooperative records schede for it as an access point;
 * - the foreigners' desk (Sportello Immigrati) reads every class but health data (siso-original §10.3.1);
 * - the thematic desk is the Home Care Premium desk (code `hcp`).
 * Idempotent (ON CONFLICT DO NOTHING): also brings a demo database of an older version up to date
 * without touching a configuration an administrator changed.
 */
export async function seedDemoDesks(db: Kysely<DB>): Promise<void> {
  await sql`
    INSERT INTO desk_config (office_id, ambito_id, ente_id, desk_kind, thematic_code, mandatory_sections, readable_classes, access_points)
    SELECT o.id, o.ambito_id, o.ente_id,
           CASE o.type WHEN 'sportello_accoglienza' THEN 'general' WHEN 'sportello_stranieri' THEN 'foreigners' ELSE 'thematic' END,
           CASE o.type WHEN 'sportello_tematico' THEN 'hcp' END,
           CASE o.type WHEN 'sportello_accoglienza' THEN '{access,interlocutor,user,needs,outcome}'::text[]
                       WHEN 'sportello_stranieri' THEN '{access,interlocutor,user,foreigner,outcome}'::text[]
                       ELSE '{access,interlocutor,user,outcome}'::text[] END,
           CASE o.type WHEN 'sportello_stranieri' THEN '{public,personal,judicial,reserved,foreigner}'::text[] END,
           CASE o.type WHEN 'sportello_accoglienza'
                THEN ARRAY(SELECT t.id FROM office t WHERE t.ente_id = o.ente_id AND t.type = 'terzo_settore')
                ELSE '{}'::uuid[] END
      FROM office o JOIN ente e ON e.id = o.ente_id
     WHERE e.kind = 'comune' AND o.type IN ('sportello_accoglienza', 'sportello_stranieri', 'sportello_tematico')
    ON CONFLICT (office_id) DO NOTHING`.execute(db);
}
