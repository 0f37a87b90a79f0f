import { intakeRecordsUpdate } from '@siso/shared';
import { defineHandler } from '../../../http/action.js';

// SCAFFOLD (issue 5): replaced by the real handler.
export const updateIntakeRecord = defineHandler(intakeRecordsUpdate, async () => {
  throw new Error('intakeRecordsUpdate not implemented yet');
});
