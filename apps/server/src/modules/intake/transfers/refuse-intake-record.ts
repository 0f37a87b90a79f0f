import { intakeRecordsRefuse } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const refuseIntakeRecord = defineHandler(intakeRecordsRefuse, async () => {
  throw new Error('intakeRecordsRefuse not implemented yet');
});
