import { registerRecordKind } from '../../access/record-kinds.js';
import { registerPersonReference } from '../persons/index.js';

/**
 * Record kind of the intake desk: the intake_record table is scope-guarded — every query on it
 * carries `visibleTo(actor, 'intakeRecords.get', INTAKE_RECORD, alias)`. A proposal to take charge
 * grants the scheda to the destination ente through an access grant of this kind.
 */
export const INTAKE_RECORD = 'intakeRecord';

registerRecordKind(INTAKE_RECORD, { table: 'intake_record', readPermission: 'intakeRecords.get' });

// Merging two people moves their schede, privacy records and proposals to the survivor (issue 4, point 7).
registerPersonReference({ table: 'intake_record', column: 'person_id' });
registerPersonReference({ table: 'privacy_notice', column: 'person_id' });
registerPersonReference({ table: 'consent', column: 'person_id' });
registerPersonReference({ table: 'take_charge_proposal', column: 'person_id' });
