import { intakeRecordsPrint } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const printIntakeRecord = defineHandler(intakeRecordsPrint, async () => {
  throw new Error('intakeRecordsPrint not implemented yet');
});
