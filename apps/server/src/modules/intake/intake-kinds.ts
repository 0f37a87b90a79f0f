import { sql } from 'kysely';
import { registerPersonReference } from '../persons/index.js';

/** Record kind of the intake desk (its rule: access/record-kind-rules.ts). */
export const INTAKE_RECORD = 'intakeRecord';
export const INTAKE_NOTE = 'intakeNote';

// Merging two people moves their schede, privacy records and proposals to the survivor (issue 4, point 7).
registerPersonReference({ table: 'intake_record', column: 'person_id' });
registerPersonReference({ table: 'privacy_notice', column: 'person_id' });
// One consent in force per person × ente × type (consent_in_force_uq): when both people had chosen,
// the most recent choice stands and the older one is withdrawn (the person's latest will, GDPR art. 7).
registerPersonReference({
  table: 'consent',
  column: 'person_id',
  beforeMove: async (db, fromId, toId) => {
    await sql`
      UPDATE consent c
         SET withdrawn_at = now(), withdraw_reason = 'unione di persone duplicate: vale la scelta più recente'
       WHERE c.withdrawn_at IS NULL AND c.person_id IN (${fromId}, ${toId})
         AND EXISTS (SELECT 1 FROM consent o
                      WHERE o.withdrawn_at IS NULL AND o.person_id IN (${fromId}, ${toId}) AND o.person_id <> c.person_id
                        AND o.ente_id = c.ente_id AND o.consent_type = c.consent_type
                        AND (o.created_at, o.id) > (c.created_at, c.id))`.execute(db);
  },
});
registerPersonReference({ table: 'take_charge_proposal', column: 'person_id' });
registerPersonReference({ table: 'intake_transfer', column: 'source_person_id' });
