import { intakeRecordsFind } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const findIntakeRecords = defineHandler(intakeRecordsFind, async () => {
  throw new Error('intakeRecordsFind not implemented yet');
});
