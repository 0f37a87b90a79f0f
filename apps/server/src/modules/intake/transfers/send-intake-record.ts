import { intakeRecordsSend } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const sendIntakeRecord = defineHandler(intakeRecordsSend, async () => {
  throw new Error('intakeRecordsSend not implemented yet');
});
