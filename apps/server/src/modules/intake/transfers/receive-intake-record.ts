import { intakeRecordsReceive } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const receiveIntakeRecord = defineHandler(intakeRecordsReceive, async () => {
  throw new Error('intakeRecordsReceive not implemented yet');
});
