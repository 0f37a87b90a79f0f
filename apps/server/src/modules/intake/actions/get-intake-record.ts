import { intakeRecordsGet } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const getIntakeRecord = defineHandler(intakeRecordsGet, async () => {
  throw new Error('intakeRecordsGet not implemented yet');
});
