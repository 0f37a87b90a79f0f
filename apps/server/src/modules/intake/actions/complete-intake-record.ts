import { intakeRecordsComplete } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const completeIntakeRecord = defineHandler(intakeRecordsComplete, async () => {
  throw new Error('intakeRecordsComplete not implemented yet');
});
